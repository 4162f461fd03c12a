package org.sutahsilat.payment.iyzico;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The iyzico stand-in for load (the callback benchmark): the JDK's own HTTPS server with the same certificate as
 * {@link IyzicoStub}, answering POSTs on iyzico's initialize and retrieve paths through a function of the request
 * body. WireMock (Jetty, request matching, its transformer chain) cost several times the CPU of the settlement it
 * stood in for, on the same two cores; this server does only TLS, HTTP and the answer, as iyzico's servers would,
 * so that what the benchmark measures is our side.
 */
public final class LightIyzicoStub implements AutoCloseable {

    /** iyzico's JSON answer and how long to wait before giving it. */
    public record Response(String json, int delayMs) {
    }

    /** Answers the request body posted to one of iyzico's paths. */
    @FunctionalInterface
    public interface Answers {
        Response answer(String path, String body);
    }

    /**
     * One worker per core (override: {@code -Dstub.threads=N}). The stub shares the cores with what it measures and
     * its work is CPU only (TLS, HTTP, JSON, HMAC): more workers than cores only make it and the settlements queue
     * on each other. Measured with the callback benchmark on 2 cores: 2 workers 231 settled/s, 4: 190, 8: 175,
     * 16: 167, and the settlement's own CPU per attempt fell from 8.4 ms (16) to 5.6 ms (2).
     */
    private static final int THREADS = Integer.getInteger("stub.threads",
            Runtime.getRuntime().availableProcessors());

    private final HttpsServer server;
    private final ExecutorService workers;
    /** The client ends (address and port) requests came from: one per TCP connection, so one per TLS handshake. */
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    private LightIyzicoStub(Answers answers) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = IyzicoStub.class.getClassLoader().getResourceAsStream(IyzicoStub.SERVER_KEYSTORE)) {
            keys.load(in, IyzicoStub.STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, IyzicoStub.STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        for (String path : new String[] {IyzicoStub.INITIALIZE_PATH, IyzicoStub.RETRIEVE_PATH}) {
            server.createContext(path, exchange -> {
                clients.add(exchange.getRemoteAddress());
                requests.incrementAndGet();
                serve(exchange, path, answers);
            });
        }
        workers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "iyzico-light-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.start();
    }

    public static LightIyzicoStub start(Answers answers) {
        IyzicoStub.trustStubCertificate();
        try {
            return new LightIyzicoStub(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TCP connections (each with its TLS handshake) that sent at least one request. */
    public int connections() {
        return clients.size();
    }

    public int requests() {
        return requests.get();
    }

    public String baseUrl() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, String path, Answers answers) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Response response = answers.answer(path, body);
            if (response.delayMs() > 0) {
                Thread.sleep(response.delayMs());
            }
            byte[] json = response.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
