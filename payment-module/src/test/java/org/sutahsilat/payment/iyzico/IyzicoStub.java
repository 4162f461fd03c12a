package org.sutahsilat.payment.iyzico;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local HTTPS stand-in for iyzico's API (WireMock), with helpers that sign responses the way iyzico
 * does, written independently of iyzipay-java so that the tests check the library's verification.
 *
 * <p>TLS: the server presents {@code tls/iyzico-stub-server.p12} (CN=localhost, SAN localhost and
 * 127.0.0.1). iyzipay-java copies HttpsURLConnection's default SSL socket factory once, when its
 * HttpClient class is initialised, so the client side must trust that certificate through the JVM's
 * default trust store before the first iyzico call: the pom sets {@code javax.net.ssl.trustStore} for
 * surefire, and {@link #trustStubCertificate()} does the same when the tests run elsewhere (an IDE).
 */
public final class IyzicoStub implements AutoCloseable {

    public static final String API_KEY = "sandbox-stub-api-key";
    public static final String SECRET_KEY = "sandbox-stub-secret-key-do-not-log";
    public static final String INITIALIZE_PATH = "/payment/iyzipos/checkoutform/initialize/auth/ecom";
    public static final String RETRIEVE_PATH = "/payment/iyzipos/checkoutform/auth/ecom/detail";

    static final String SERVER_KEYSTORE = "tls/iyzico-stub-server.p12";
    static final String STORE_PASSWORD = "changeit";

    static {
        trustStubCertificate();
    }

    public final WireMockServer server;

    public IyzicoStub() {
        this(new Extension[0]);
    }

    /** With WireMock extensions (e.g. a transformer that answers like iyzico for any basket). */

    public IyzicoStub(Extension... extensions) {
        server = new WireMockServer(options()
                .extensions(extensions)
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(resource(SERVER_KEYSTORE).toString())
                .keystoreType("PKCS12")
                .keystorePassword(STORE_PASSWORD)
                .keyManagerPassword(STORE_PASSWORD));
        server.start();
    }

    public String baseUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    List<LoggedRequest> requestsTo(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** iyzico's response signature: HMAC-SHA256 with the secret key over the colon-joined fields, lower-case hex. */
    public static String signature(String... fields) {
        return hmacSha256Hex(SECRET_KEY, String.join(":", fields));
    }

    public static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the JVM's default trust store at the stub's certificate unless the build already did. */
    public static void trustStubCertificate() {
        if (System.getProperty("javax.net.ssl.trustStore") == null) {
            System.setProperty("javax.net.ssl.trustStore", resource("tls/iyzico-stub-truststore.p12").toString());
            System.setProperty("javax.net.ssl.trustStorePassword", STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        }
    }

    static Path resource(String name) {
        URL url = IyzicoStub.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
