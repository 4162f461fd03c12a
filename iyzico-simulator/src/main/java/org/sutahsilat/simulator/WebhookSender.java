package org.sutahsilat.simulator;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends iyzico's Checkout Form webhook (the "HPP format", {@code iyziEventType} {@code CHECKOUT_FORM_AUTH}) with its
 * {@code X-IYZ-SIGNATURE-V3} header, a few seconds after the choice on the hosted page; resent up to
 * {@value #ATTEMPTS} times while the merchant does not answer 2xx.
 */
public final class WebhookSender implements AutoCloseable {

    static final int ATTEMPTS = 3;
    public static final String SIGNATURE_HEADER = "X-IYZ-SIGNATURE-V3";
    public static final String EVENT_TYPE = "CHECKOUT_FORM_AUTH";
    static final long MERCHANT_ID = 1_000_001L;

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());

    /** One webhook sent: the payload, and the HTTP status of the answer (-1 when nothing answered). */
    public record Delivery(String token, String body, String signature, int httpStatus) {
    }

    private final SimulatorConfig config;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final List<Delivery> deliveries = new ArrayList<>();

    WebhookSender(SimulatorConfig config) {
        this.config = config;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iyzico-simulator-webhook");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    void schedule(Checkout checkout) {
        if (config.webhookUrl().isEmpty()) {
            return;
        }
        String status = checkout.state() == Checkout.State.APPROVED ? "SUCCESS" : "FAILURE";
        JsonObject payload = new JsonObject();
        payload.addProperty("paymentConversationId", checkout.conversationId);
        payload.addProperty("merchantId", MERCHANT_ID);
        payload.addProperty("token", checkout.token);
        payload.addProperty("status", status);
        payload.addProperty("iyziReferenceCode", UUID.randomUUID().toString());
        payload.addProperty("iyziEventType", EVENT_TYPE);
        payload.addProperty("iyziEventTime", config.clock().millis());
        payload.addProperty("iyziPaymentId", Long.parseLong(checkout.paymentId()));
        String signature = IyzicoSignatures.webhookSignatureV3(config.secretKey(), EVENT_TYPE, checkout.paymentId(),
                checkout.token, checkout.conversationId, status);
        send(config.webhookUrl().get(), checkout.token, payload.toString(), signature, 1);
    }

    private void send(URI url, String token, String body, String signature, int attempt) {
        scheduler.schedule(() -> {
            int status;
            try {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header(SIGNATURE_HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (deliveries) {
                deliveries.add(new Delivery(token, body, signature, status));
            }
            LOG.log(System.Logger.Level.INFO, "webhook for {0} to {1}: attempt {2}, answer {3}", token, url, attempt,
                    status);
            if ((status < 200 || status > 299) && attempt < ATTEMPTS) {
                send(url, token, body, signature, attempt + 1);
            }
        }, config.webhookDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
