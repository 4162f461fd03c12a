package org.sutahsilat.simulator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's demo-only TLS material in a folder of the data directory:
 * <ul>
 *   <li>{@code iyzico-simulator-keystore.p12}: a self-signed certificate for {@code localhost} / 127.0.0.1,
 *       generated once with the running JDK's {@code keytool} (never checked in, never used outside the demo);</li>
 *   <li>{@code truststore.p12}: the running JDK's {@code cacerts} plus that certificate, written at every start.
 *       The JVM that runs iyzipay-java gets it as {@code javax.net.ssl.trustStore} from its start (the library
 *       captures the default SSL socket factory once), so it trusts the simulator and still every public CA.</li>
 * </ul>
 */
public final class DemoTls {

    static final String ALIAS = "iyzico-simulator";
    static final String KEYSTORE = "iyzico-simulator-keystore.p12";
    static final String TRUSTSTORE = "truststore.p12";
    /**
     * The trust store holds public certificates only; it keeps the JDK's conventional password because Payara Micro
     * copies the JVM's trust store into its own config as {@code cacerts.p12} and opens it with its master password.
     */
    public static final String TRUSTSTORE_PASSWORD = "changeit";

    private final Path keyStore;
    private final Path trustStore;
    private final String password;

    private DemoTls(Path keyStore, Path trustStore, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /**
     * Generates the key store into {@code dir} unless it is there, and (re)writes the trust store.
     *
     * @param password protects the key store (the launcher keeps a generated one with its other secrets)
     */
    public static DemoTls ensure(Path dir, String password) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve(KEYSTORE);
            if (!Files.isRegularFile(keyStore)) {
                generate(keyStore, password);
            }
            Path trustStore = dir.resolve(TRUSTSTORE);
            writeTrustStore(keyStore, trustStore, password);
            return new DemoTls(keyStore, trustStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the iyzico simulator's certificate in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot prepare the iyzico simulator's certificate in " + dir, e);
        }
    }

    /** The server side: the simulator's certificate and key. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path trustStore() {
        return trustStore;
    }

    public String trustStorePassword() {
        return TRUSTSTORE_PASSWORD;
    }

    /** JVM options that make a JVM trust the public CAs and the simulator. */
    public List<String> trustStoreJvmOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + TRUSTSTORE_PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private static void generate(Path keyStore, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path temp = keyStore.resolveSibling(keyStore.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost, OU=su-tahsilat demo iyzico simulator - not for production",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", temp.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
        Files.move(temp, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTrustStore(Path keyStore, Path trustStore, String password)
            throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (Files.isRegularFile(cacerts)) {
            KeyStore jdk = KeyStore.getInstance(cacerts.toFile(), "changeit".toCharArray());
            for (String alias : Collections.list(jdk.aliases())) {
                if (jdk.isCertificateEntry(alias)) {
                    trust.setCertificateEntry(alias, jdk.getCertificate(alias));
                }
            }
        }
        Certificate demo = KeyStore.getInstance(keyStore.toFile(), password.toCharArray()).getCertificate(ALIAS);
        trust.setCertificateEntry("su-tahsilat-demo-" + ALIAS, demo);
        Path temp = trustStore.resolveSibling(trustStore.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            trust.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        }
        Files.move(temp, trustStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
