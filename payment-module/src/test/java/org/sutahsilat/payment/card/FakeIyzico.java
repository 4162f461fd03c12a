package org.sutahsilat.payment.card;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.sutahsilat.payment.iyzico.IyzicoStub;
import org.sutahsilat.payment.iyzico.LightIyzicoStub;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Answers like iyzico for any basket: initialize opens a checkout with a fresh token (signed
 * {@code conversationId:token}); retrieve answers for that token what the test chose (SUCCESS by default) with the
 * basket's own price, basketId and conversationId, signed like iyzico (amounts without trailing zeros). Served over
 * HTTPS either by the WireMock stub ({@link #start}: the tests, which also use its request journal and faults) or
 * by the light JDK server ({@link #startForLoad}: the callback benchmark).
 */
final class FakeIyzico implements ResponseDefinitionTransformerV2 {

    enum Answer { SUCCESS, FAILURE, PENDING, WRONG_AMOUNT, WRONG_CURRENCY }

    final Map<String, JsonObject> checkouts = new ConcurrentHashMap<>();
    /** conversationId (our attempt id) to the token initialize gave it. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final Map<String, String> paymentIds = new ConcurrentHashMap<>();
    final AtomicInteger retrieves = new AtomicInteger();
    volatile int initializeDelayMs;
    volatile int retrieveDelayMs;
    private final AtomicLong sequence = new AtomicLong(27_000_000);

    static IyzicoStub start(FakeIyzico fake) {
        return stub(new IyzicoStub(fake));
    }

    /** For load: the same answers from {@link LightIyzicoStub}, so that the stand-in for iyzico is not measured. */
    static LightIyzicoStub startForLoad(FakeIyzico fake) {
        return LightIyzicoStub.start((path, body) -> {
            Reply reply = fake.reply(path, body);
            return new LightIyzicoStub.Response(reply.json(), reply.delayMs());
        });
    }

    private static IyzicoStub stub(IyzicoStub stub) {
        stub.server.stubFor(any(urlEqualTo(IyzicoStub.INITIALIZE_PATH)).willReturn(okJson("{}")));
        stub.server.stubFor(any(urlEqualTo(IyzicoStub.RETRIEVE_PATH)).willReturn(okJson("{}")));
        return stub;
    }

    /** The token initialize gave for our attempt. */
    String tokenOf(long attemptId) {
        String token = tokens.get(String.valueOf(attemptId));
        if (token == null) {
            throw new IllegalStateException("no checkout initialized for attempt " + attemptId);
        }
        return token;
    }

    @Override
    public String getName() {
        return "fake-iyzico";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Reply reply = reply(event.getRequest().getUrl(), event.getRequest().getBodyAsString());
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.okForJson("").withBody(reply.json())
                .withHeader("Content-Type", "application/json");
        if (reply.delayMs() > 0) {
            b = b.withFixedDelay(reply.delayMs());
        }
        return b.build();
    }

    /** iyzico's JSON answer to a request on {@code path}, and how long to wait before giving it. */
    record Reply(String json, int delayMs) {
    }

    Reply reply(String path, String requestBody) {
        JsonObject body = JsonParser.parseString(requestBody).getAsJsonObject();
        if (path.equals(IyzicoStub.INITIALIZE_PATH)) {
            String conversationId = body.get("conversationId").getAsString();
            String token = "tok-" + conversationId + "-" + sequence.incrementAndGet();
            checkouts.put(token, body);
            tokens.put(conversationId, token);
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

    private static Reply json(String body, int delayMs) {
        return new Reply(body, delayMs);
    }
}
