package org.sutahsilat.payment.card;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.sutahsilat.payment.card.CardResults.Settlement;

/**
 * iyzico's webhook (hosted page format): the signature {@code X-IYZ-SIGNATURE-V3} is checked first (bad or missing:
 * {@link Reply#FORBIDDEN}, nothing changes, an incident is logged); a signed notification only triggers
 * {@code settle(token, WEBHOOK)}, which retrieves the outcome from the gateway: the body's status is never trusted,
 * and a duplicate changes nothing. The answer is then 2xx, whatever the outcome, so that iyzico stops repeating.
 */
public final class IyzicoWebhook {

    public static final String SIGNATURE_HEADER = "X-IYZ-SIGNATURE-V3";

    /** What the endpoint answers. */
    public enum Reply {
        OK(200), BAD_REQUEST(400), FORBIDDEN(403);

        public final int httpStatus;

        Reply(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    /** Settles a token (the card flow). */
    @FunctionalInterface
    public interface Settler {
        Settlement settle(String token, String clientIp);
    }

    /** Logs a refused delivery. */
    @FunctionalInterface
    public interface Incidents {
        void refused(String kind, String token, String detail, String clientIp);
    }

    private final WebhookSignature signature;
    private final Settler settler;
    private final Incidents incidents;

    public IyzicoWebhook(WebhookSignature signature, Settler settler, Incidents incidents) {
        this.signature = signature;
        this.settler = settler;
        this.incidents = incidents;
    }

    public Reply handle(String body, String signatureHeader, String clientIp) {
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(body == null ? "" : body);
            if (!parsed.isJsonObject()) {
                incidents.refused("BAD_WEBHOOK", null, "body is not a JSON object", clientIp);
                return Reply.BAD_REQUEST;
            }
            json = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            incidents.refused("BAD_WEBHOOK", null, "body is not JSON", clientIp);
            return Reply.BAD_REQUEST;
        }
        String token = text(json, "token");
        WebhookSignature.Fields fields = new WebhookSignature.Fields(text(json, "iyziEventType"),
                text(json, "iyziPaymentId"), token, text(json, "paymentConversationId"), text(json, "status"));
        if (!signature.verify(fields, signatureHeader)) {
            incidents.refused("BAD_SIGNATURE", token, signatureHeader == null ? "no signature" : "signature mismatch",
                    clientIp);
            return Reply.FORBIDDEN;
        }
        if (token == null || token.isBlank()) {
            incidents.refused("BAD_WEBHOOK", null, "signed notification without a token", clientIp);
            return Reply.BAD_REQUEST;
        }
        settler.settle(token, clientIp);
        return Reply.OK;
    }

    private static String text(JsonObject json, String field) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
