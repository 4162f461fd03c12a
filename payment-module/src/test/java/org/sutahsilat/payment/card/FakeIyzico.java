package org.sutahsilat.payment.card;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.sutahsilat.payment.iyzico.IyzicoStub;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Makes the HTTPS WireMock stub answer like iyzico for any basket: initialize opens a checkout with a fresh token
 * (signed {@code conversationId:token}); retrieve answers for that token what the test chose (SUCCESS by default)
 * with the basket's own price, basketId and conversationId, signed like iyzico (amounts without trailing zeros).
 */
final class FakeIyzico implements ResponseDefinitionTransformerV2 {

    enum Answer { SUCCESS, FAILURE, PENDING, WRONG_AMOUNT, WRONG_CURRENCY }

    final Map<String, JsonObject> checkouts = new ConcurrentHashMap<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final Map<String, String> paymentIds = new ConcurrentHashMap<>();
    final AtomicInteger retrieves = new AtomicInteger();
    volatile int initializeDelayMs;
    volatile int retrieveDelayMs;
    private final AtomicLong sequence = new AtomicLong(27_000_000);

    static IyzicoStub start(FakeIyzico fake) {
        return stub(new IyzicoStub(fake));
    }

    /** The stub tuned for load ({@link IyzicoStub#forLoad}). */
    static IyzicoStub startForLoad(FakeIyzico fake) {
        return stub(IyzicoStub.forLoad(fake));
    }

    private static IyzicoStub stub(IyzicoStub stub) {
        stub.server.stubFor(any(urlEqualTo(IyzicoStub.INITIALIZE_PATH)).willReturn(okJson("{}")));
        stub.server.stubFor(any(urlEqualTo(IyzicoStub.RETRIEVE_PATH)).willReturn(okJson("{}")));
        return stub;
    }

    /** The token initialize gave for our attempt. */
    String tokenOf(long attemptId) {
        return checkouts.entrySet().stream()
                .filter(e -> e.getValue().get("conversationId").getAsString().equals(String.valueOf(attemptId)))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Override
    public String getName() {
        return "fake-iyzico";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        JsonObject body = JsonParser.parseString(event.getRequest().getBodyAsString()).getAsJsonObject();
        if (url.equals(IyzicoStub.INITIALIZE_PATH)) {
            String conversationId = body.get("conversationId").getAsString();
            String token = "tok-" + conversationId + "-" + sequence.incrementAndGet();
            checkouts.put(token, body);
            return json("""
                    {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                     "token":"%s","tokenExpireTime":1800,"paymentPageUrl":"https://sandbox-cpp.iyzipay.com?token=%s",
                     "signature":"%s"}""".formatted(conversationId, token, token,
                    IyzicoStub.signature(conversationId, token)), initializeDelayMs);
        }
        retrieves.incrementAndGet();
        String token = body.get("token").getAsString();
        JsonObject checkout = checkouts.get(token);
        if (checkout == null) {
            return json("""
                    {"status":"failure","errorCode":"5101","errorMessage":"token bulunamadı","locale":"tr",
                     "systemTime":1764288000000}""", retrieveDelayMs);
        }
        Answer answer = answers.getOrDefault(token, Answer.SUCCESS);
        String conversationId = checkout.get("conversationId").getAsString();
        String basketId = checkout.get("basketId").getAsString();
        BigDecimal price = checkout.get("price").getAsBigDecimal();
        BigDecimal paid = answer == Answer.WRONG_AMOUNT ? price.subtract(new BigDecimal("1.00")) : price;
        String currency = answer == Answer.WRONG_CURRENCY ? "USD" : "TRY";
        if (answer == Answer.FAILURE) {
            return json("""
                    {"status":"failure","errorCode":"10051","errorMessage":"Kart limiti yetersiz","locale":"tr",
                     "systemTime":1764288000000,"conversationId":"%s","token":"%s","paymentStatus":"FAILURE"}"""
                    .formatted(conversationId, token), retrieveDelayMs);
        }
        String paymentStatus = answer == Answer.PENDING ? "INIT_THREEDS" : "SUCCESS";
        String paymentId = paymentIds.computeIfAbsent(token, t -> String.valueOf(sequence.incrementAndGet()));
        String signature = IyzicoStub.signature(paymentStatus, paymentId, currency, basketId, conversationId,
                plain(paid), plain(price), token);
        return json("""
                {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                 "price":%s,"paidPrice":%s,"installment":1,"paymentId":"%s","fraudStatus":1,"basketId":"%s",
                 "currency":"%s","token":"%s","paymentStatus":"%s","signature":"%s"}"""
                .formatted(conversationId, price.toPlainString(), paid.toPlainString(), paymentId, basketId,
                        currency, token, paymentStatus, signature), retrieveDelayMs);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static ResponseDefinition json(String body, int delayMs) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.okForJson("").withBody(body)
                .withHeader("Content-Type", "application/json");
        if (delayMs > 0) {
            b = b.withFixedDelay(delayMs);
        }
        return b.build();
    }
}
