package org.sutahsilat.payment.iyzico;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sutahsilat.payment.CheckoutRequest;
import org.sutahsilat.payment.CheckoutResult;
import org.sutahsilat.payment.CheckoutSession;
import org.sutahsilat.payment.CheckoutStatus;
import org.sutahsilat.payment.PaymentGatewayException;
import org.sutahsilat.payment.PaymentGatewayException.Reason;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sutahsilat.payment.iyzico.IyzicoStub.API_KEY;
import static org.sutahsilat.payment.iyzico.IyzicoStub.INITIALIZE_PATH;
import static org.sutahsilat.payment.iyzico.IyzicoStub.RETRIEVE_PATH;
import static org.sutahsilat.payment.iyzico.IyzicoStub.SECRET_KEY;
import static org.sutahsilat.payment.iyzico.IyzicoStub.signature;

/** The iyzico adapter on the real iyzipay-java client against a local HTTPS stub of iyzico's API. */
class IyzicoPaymentGatewayTest {

    static {
        IyzicoStub.trustStubCertificate(); // before any iyzipay class is initialised
    }

    private static final String TCKN = "10000000146";
    private static final String CONVERSATION_ID = "attempt-7f3c2a";
    private static final String BASKET_ID = "BILL-2025-11-000123";
    private static final String TOKEN = "c0a4a3f2-5a35-4d53-9d1e-7b1f0f0b8e21";
    private static final String PAYMENT_ID = "27416231";
    private static final String CALLBACK_URL = "https://portal.example.org/odeme/donus";

    private IyzicoStub stub;
    private IyzicoPaymentGateway gateway;
    private final List<LogRecord> logRecords = new ArrayList<>();
    private final Logger adapterLogger = Logger.getLogger(IyzicoPaymentGateway.class.getName());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logRecords) {
                logRecords.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        adapterLogger.addHandler(logCapture);
        adapterLogger.setLevel(Level.ALL);
        stub = new IyzicoStub();
        gateway = new IyzicoPaymentGateway(settings(stub.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        stub.close();
        adapterLogger.removeHandler(logCapture);
        String logged = loggedText();
        assertThat(logged).doesNotContain(SECRET_KEY).doesNotContain(TCKN);
    }

    // ---------------------------------------------------------------- initialize

    @Test
    void initializeSendsABasketWhosePriceIsTheSumOfItsItemsAndReturnsTheSession() {
        stubInitializeSuccess(CONVERSATION_ID, TOKEN, signature(CONVERSATION_ID, TOKEN));

        CheckoutSession session = gateway.initializeCheckout(request(
                item("WATER", "Su bedeli", 12_345), item("SEWER", "Atık su bedeli", 2_469)));

        assertThat(session.token()).isEqualTo(TOKEN);
        assertThat(session.paymentPageUrl()).isEqualTo("https://sandbox-cpp.iyzipay.com?token=" + TOKEN + "&lang=tr");
        assertThat(session.tokenExpireTimeSeconds()).isEqualTo(1800);
        assertThat(session.conversationId()).isEqualTo(CONVERSATION_ID);

        List<LoggedRequest> sent = stub.requestsTo(INITIALIZE_PATH);
        assertThat(sent).hasSize(1);
        JsonObject body = JsonParser.parseString(sent.get(0).getBodyAsString()).getAsJsonObject();
        assertThat(body.get("price").getAsBigDecimal()).isEqualTo(new BigDecimal("148.14"));
        assertThat(body.get("paidPrice").getAsBigDecimal()).isEqualTo(new BigDecimal("148.14"));
        assertThat(body.get("currency").getAsString()).isEqualTo("TRY");
        assertThat(body.get("locale").getAsString()).isEqualTo("tr");
        assertThat(body.get("conversationId").getAsString()).isEqualTo(CONVERSATION_ID);
        assertThat(body.get("basketId").getAsString()).isEqualTo(BASKET_ID);
        assertThat(body.get("callbackUrl").getAsString()).isEqualTo(CALLBACK_URL);
        assertThat(body.get("paymentGroup").getAsString()).isEqualTo("PRODUCT");
        assertThat(body.getAsJsonArray("enabledInstallments").toString()).isEqualTo("[1]");

        JsonObject buyer = body.getAsJsonObject("buyer");
        assertThat(buyer.get("id").getAsString()).isEqualTo("SUB-42");
        assertThat(buyer.get("name").getAsString()).isEqualTo("Ayşe");
        assertThat(buyer.get("surname").getAsString()).isEqualTo("Yılmaz");
        assertThat(buyer.get("identityNumber").getAsString()).isEqualTo(TCKN);
        assertThat(buyer.get("gsmNumber").getAsString()).isEqualTo("+905551112233");
        assertThat(buyer.get("email").getAsString()).isEqualTo("ayse@example.org");
        assertThat(buyer.get("registrationAddress").getAsString()).isEqualTo("Çamlıca Köyü No: 12");
        assertThat(buyer.get("city").getAsString()).isEqualTo("Kastamonu");
        assertThat(buyer.get("country").getAsString()).isEqualTo("Turkey");
        assertThat(buyer.get("ip").getAsString()).isEqualTo("85.34.78.112");
        JsonObject billing = body.getAsJsonObject("billingAddress");
        assertThat(billing.get("contactName").getAsString()).isEqualTo("Ayşe Yılmaz");
        assertThat(billing.get("address").getAsString()).isEqualTo("Çamlıca Köyü No: 12");

        JsonArray items = body.getAsJsonArray("basketItems");
        assertThat(items).hasSize(2);
        JsonObject water = items.get(0).getAsJsonObject();
        assertThat(water.get("id").getAsString()).isEqualTo("WATER");
        assertThat(water.get("name").getAsString()).isEqualTo("Su bedeli");
        assertThat(water.get("category1").getAsString()).isEqualTo("Su");
        assertThat(water.get("itemType").getAsString()).isEqualTo("VIRTUAL");
        assertThat(water.get("price").getAsBigDecimal()).isEqualTo(new BigDecimal("123.45"));
        assertThat(items.get(1).getAsJsonObject().get("price").getAsBigDecimal()).isEqualTo(new BigDecimal("24.69"));
    }

    @Test
    void initializeSignsTheRequestWithIyzicosV2Authorization() {
        stubInitializeSuccess(CONVERSATION_ID, TOKEN, signature(CONVERSATION_ID, TOKEN));

        gateway.initializeCheckout(request(item("WATER", "Su bedeli", 5_000)));

        LoggedRequest sent = stub.requestsTo(INITIALIZE_PATH).get(0);
        String authorization = sent.getHeader("Authorization");
        assertThat(authorization).startsWith("IYZWSv2 ");
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("IYZWSv2 ".length())),
                StandardCharsets.UTF_8);
        String randomKey = sent.getHeader("x-iyzi-rnd");
        assertThat(randomKey).isNotBlank();
        // what iyzico checks: HMAC-SHA256(secretKey, randomKey + path + JSON body), hex
        String expectedSignature = IyzicoStub.hmacSha256Hex(SECRET_KEY,
                randomKey + INITIALIZE_PATH + sent.getBodyAsString());
        assertThat(decoded).isEqualTo("apiKey:" + API_KEY + "&randomKey:" + randomKey
                + "&signature:" + expectedSignature);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void anOddKurusBasketSumsExactly() {
        stubInitializeSuccess(CONVERSATION_ID, TOKEN, signature(CONVERSATION_ID, TOKEN));

        gateway.initializeCheckout(request(
                item("I1", "Dönem 1", 3_333), item("I2", "Dönem 2", 3_333), item("I3", "Dönem 3", 3_334)));

        JsonObject body = JsonParser.parseString(stub.requestsTo(INITIALIZE_PATH).get(0).getBodyAsString())
                .getAsJsonObject();
        List<BigDecimal> itemPrices = new ArrayList<>();
        body.getAsJsonArray("basketItems")
                .forEach(i -> itemPrices.add(i.getAsJsonObject().get("price").getAsBigDecimal()));
        assertThat(itemPrices)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        BigDecimal sum = itemPrices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(body.get("price").getAsBigDecimal()).isEqualTo(new BigDecimal("100.00")).isEqualTo(sum);
        assertThat(body.get("paidPrice").getAsBigDecimal()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void initializeWithAWrongSignatureIsRefused() {
        stubInitializeSuccess(CONVERSATION_ID, TOKEN, signature(CONVERSATION_ID, "another-token"));

        PaymentGatewayException e = thrownBy(
                () -> gateway.initializeCheckout(request(item("WATER", "Su bedeli", 5_000))));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void initializeWithoutASignatureIsRefused() {
        stub.server.stubFor(post(urlEqualTo(INITIALIZE_PATH)).willReturn(okJson("""
                {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                 "token":"%s","tokenExpireTime":1800,
                 "paymentPageUrl":"https://sandbox-cpp.iyzipay.com?token=%s&lang=tr"}
                """.formatted(CONVERSATION_ID, TOKEN, TOKEN))));

        PaymentGatewayException e = thrownBy(
                () -> gateway.initializeCheckout(request(item("WATER", "Su bedeli", 5_000))));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void initializeSignedForAnotherConversationIsRefused() {
        stubInitializeSuccess("attempt-other", TOKEN, signature("attempt-other", TOKEN));

        PaymentGatewayException e = thrownBy(
                () -> gateway.initializeCheckout(request(item("WATER", "Su bedeli", 5_000))));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    @Test
    void initializeRefusedByIyzicoIsRejectedWithItsError() {
        stub.server.stubFor(post(urlEqualTo(INITIALIZE_PATH)).willReturn(okJson("""
                {"status":"failure","errorCode":"1001","errorMessage":"api bilgileri bulunamadı",
                 "locale":"tr","systemTime":1764288000000,"conversationId":"%s"}
                """.formatted(CONVERSATION_ID))));

        PaymentGatewayException e = thrownBy(
                () -> gateway.initializeCheckout(request(item("WATER", "Su bedeli", 5_000))));

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.errorCode()).isEqualTo("1001");
        assertThat(e.errorMessage()).isEqualTo("api bilgileri bulunamadı");
    }

    // ---------------------------------------------------------------- retrieve

    @Test
    void retrieveOfAPaidCheckoutWithAValidSignatureIsSuccess() {
        // amounts as iyzico writes them; the signature carries them without trailing zeros
        stubRetrieve(retrieveSuccessBody("150.00", "150.0",
                signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", TOKEN)));

        CheckoutResult result = gateway.retrieveCheckout(TOKEN, CONVERSATION_ID);

        assertThat(result.status()).isEqualTo(CheckoutStatus.SUCCESS);
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.signatureVerified()).isTrue();
        assertThat(result.paymentStatus()).isEqualTo("SUCCESS");
        assertThat(result.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(result.paidPriceKurus()).isEqualTo(15_000);
        assertThat(result.priceKurus()).isEqualTo(15_000);
        assertThat(result.currency()).isEqualTo("TRY");
        assertThat(result.basketId()).isEqualTo(BASKET_ID);
        assertThat(result.conversationId()).isEqualTo(CONVERSATION_ID);
        assertThat(result.token()).isEqualTo(TOKEN);
        assertThat(result.fraudStatus()).isEqualTo(1);
        assertThat(result.errorCode()).isNull();

        List<LoggedRequest> sent = stub.requestsTo(RETRIEVE_PATH);
        assertThat(sent).hasSize(1);
        JsonObject body = JsonParser.parseString(sent.get(0).getBodyAsString()).getAsJsonObject();
        assertThat(body.get("token").getAsString()).isEqualTo(TOKEN);
        assertThat(body.get("conversationId").getAsString()).isEqualTo(CONVERSATION_ID);
        assertThat(body.get("locale").getAsString()).isEqualTo("tr");
        assertThat(sent.get(0).getHeader("Authorization")).startsWith("IYZWSv2 ");
        assertThat(loggedText()).contains(CONVERSATION_ID);
    }

    @Test
    void retrieveKeepsOddKurusAmountsExact() {
        stubRetrieve(retrieveSuccessBody("100.01", "100.01",
                signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "100.01", "100.01", TOKEN)));

        CheckoutResult result = gateway.retrieveCheckout(TOKEN, CONVERSATION_ID);

        assertThat(result.paidPriceKurus()).isEqualTo(10_001);
        assertThat(result.priceKurus()).isEqualTo(10_001);
    }

    @Test
    void retrieveWithATamperedSignatureIsRefused() {
        String valid = signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", TOKEN);
        String tampered = (valid.charAt(0) == 'a' ? "b" : "a") + valid.substring(1);
        stubRetrieve(retrieveSuccessBody("150.00", "150.00", tampered));

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void retrieveWithATamperedPaidPriceIsRefused() {
        // signed for 150 TL, but the body claims 1.50 TL was paid
        stubRetrieve(retrieveSuccessBody("1.50", "150.00",
                signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", TOKEN)));

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void retrieveSignedWithFieldsInAnotherOrderIsRefused() {
        stubRetrieve(retrieveSuccessBody("150.00", "150.00",
                signature(PAYMENT_ID, "SUCCESS", "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", TOKEN)));

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void retrieveOfAnUnsignedSuccessIsRefused() {
        stubRetrieve(retrieveSuccessBody("150.00", "150.00", null));

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void retrieveAnsweringFailureIsAFailureOutcomeWithTheError() {
        stubRetrieve("""
                {"status":"failure","errorCode":"10051","errorMessage":"Kart limiti yetersiz, yetersiz bakiye",
                 "errorGroup":"NOT_SUFFICIENT_FUNDS","locale":"tr","systemTime":1764288000000,
                 "conversationId":"%s","token":"%s","callbackUrl":"%s","paymentStatus":"FAILURE"}
                """.formatted(CONVERSATION_ID, TOKEN, CALLBACK_URL));

        CheckoutResult result = gateway.retrieveCheckout(TOKEN, CONVERSATION_ID);

        assertThat(result.status()).isEqualTo(CheckoutStatus.FAILURE);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.errorCode()).isEqualTo("10051");
        assertThat(result.errorMessage()).isEqualTo("Kart limiti yetersiz, yetersiz bakiye");
        assertThat(result.signatureVerified()).isFalse();
        assertThat(result.paymentId()).isNull();
        assertThat(result.paidPriceKurus()).isZero();
        assertThat(result.token()).isEqualTo(TOKEN);
    }

    @Test
    void retrieveOfACheckoutStillIn3dsIsPending() {
        String body = """
                {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                 "price":150.00,"basketId":"%s","currency":"TRY","token":"%s","paymentStatus":"INIT_THREEDS",
                 "signature":"%s"}
                """.formatted(CONVERSATION_ID, BASKET_ID, TOKEN,
                signature("INIT_THREEDS", "", "TRY", BASKET_ID, CONVERSATION_ID, "", "150", TOKEN));
        stubRetrieve(body);

        CheckoutResult result = gateway.retrieveCheckout(TOKEN, CONVERSATION_ID);

        assertThat(result.status()).isEqualTo(CheckoutStatus.PENDING);
        assertThat(result.paymentStatus()).isEqualTo("INIT_THREEDS");
        assertThat(result.signatureVerified()).isTrue();
    }

    @Test
    void retrieveAnsweringForAnotherTokenIsRefused() {
        String otherToken = "0d9e8f7a-0000-4000-8000-000000000000";
        String body = retrieveSuccessBody("150.00", "150.00",
                signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", otherToken))
                .replace(TOKEN, otherToken);
        stubRetrieve(body);

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    // ---------------------------------------------------------------- transport

    @Test
    void aGatewaySlowerThanTheReadTimeoutIsATimeout() {
        IyzicoPaymentGateway impatient = new IyzicoPaymentGateway(
                settings(stub.baseUrl(), Duration.ofMillis(500), Duration.ofMillis(500)));
        stub.server.stubFor(post(urlEqualTo(RETRIEVE_PATH)).willReturn(okJson(retrieveSuccessBody("150.00", "150.00",
                signature("SUCCESS", PAYMENT_ID, "TRY", BASKET_ID, CONVERSATION_ID, "150", "150", TOKEN)))
                .withFixedDelay(2_000)));
        try {
            // the stub would answer (a signed SUCCESS) after 2 s: only our 1 s deadline can make this a TIMEOUT
            PaymentGatewayException e = thrownBy(() -> impatient.retrieveCheckout(TOKEN, CONVERSATION_ID));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        } finally {
            impatient.close();
        }
    }

    @Test
    void theLibrarysOwnSocketTimeoutIsATimeout() {
        Exception wrapped = new com.iyzipay.exception.HttpClientException("Read timed out",
                new java.net.SocketTimeoutException("Read timed out"));

        assertThat(IyzicoPaymentGateway.translate("retrieve", wrapped).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(IyzicoPaymentGateway.translate("retrieve", new com.iyzipay.exception.HttpClientException(
                "Connection refused", new java.net.ConnectException("Connection refused"))).reason())
                .isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void anUnreachableGatewayIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (IyzicoPaymentGateway unreachable = new IyzicoPaymentGateway(
                settings("https://localhost:" + closedPort, Duration.ofSeconds(2), Duration.ofSeconds(2)))) {

            PaymentGatewayException onInitialize = thrownBy(
                    () -> unreachable.initializeCheckout(request(item("WATER", "Su bedeli", 5_000))));
            PaymentGatewayException onRetrieve = thrownBy(() -> unreachable.retrieveCheckout(TOKEN, CONVERSATION_ID));

            assertThat(onInitialize.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(onRetrieve.reason()).isEqualTo(Reason.UNAVAILABLE);
        }
    }

    @Test
    void anErrorPageInsteadOfJsonIsUnavailable() {
        stub.server.stubFor(post(urlEqualTo(RETRIEVE_PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));

        PaymentGatewayException e = thrownBy(() -> gateway.retrieveCheckout(TOKEN, CONVERSATION_ID));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    // ---------------------------------------------------------------- helpers

    private static PaymentGatewayException thrownBy(ThrowingCallable call) {
        PaymentGatewayException e = catchThrowableOfType(PaymentGatewayException.class, call);
        assertThat(e).as("expected a PaymentGatewayException").isNotNull();
        return e;
    }

    private static IyzicoSettings settings(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        return new IyzicoSettings(baseUrl, API_KEY, SECRET_KEY, connectTimeout, readTimeout);
    }

    // ---------------------------------------------------------------- connections

    /**
     * Calls come in bursts (a return, its refresh and the webhook; many subscribers at once), and iyzipay-java opens
     * a connection per call: the JDK must keep every connection of a burst alive for the next one, or each call past
     * its default five idle connections pays a new TCP connection and TLS handshake. 16 callers, 4 bursts, all idle
     * between bursts: 16 connections, not 16 + 3 x 11.
     */
    @Test
    void burstsOfCallsReuseTheirConnections() throws Exception {
        int callers = 16;
        int bursts = 4;
        assertThat(System.getProperty(IyzicoPaymentGateway.KEPT_ALIVE_PROPERTY)).isEqualTo(
                Integer.toString(IyzicoPaymentGateway.DEFAULT_MAX_CONCURRENT_CALLS));
        try (LightIyzicoStub light = LightIyzicoStub.start((path, body) -> {
            String conversationId = JsonParser.parseString(body).getAsJsonObject().get("conversationId").getAsString();
            String token = "tok-" + conversationId;
            return new LightIyzicoStub.Response("""
                    {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                     "token":"%s","tokenExpireTime":1800,"paymentPageUrl":"https://sandbox-cpp.iyzipay.com?token=%s",
                     "signature":"%s"}""".formatted(conversationId, token, token, signature(conversationId, token)), 0);
        });
             IyzicoPaymentGateway burstGateway = new IyzicoPaymentGateway(settings(light.baseUrl(),
                     Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CyclicBarrier together = new CyclicBarrier(callers);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    done.add(pool.submit(() -> {
                        int ok = 0;
                        for (int b = 0; b < bursts; b++) {
                            together.await(10, TimeUnit.SECONDS); // every connection of the last burst is idle now
                            ok += burstGateway.initializeCheckout(request(item("WATER", "Su bedeli", 1_000)))
                                    .token().isEmpty() ? 0 : 1;
                        }
                        return ok;
                    }));
                }
                int calls = 0;
                for (Future<Integer> f : done) {
                    calls += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(calls).isEqualTo(callers * bursts);
                assertThat(light.requests()).isEqualTo(callers * bursts);
                assertThat(light.connections()).isLessThanOrEqualTo(callers);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static CheckoutRequest.BasketItem item(String id, String name, long kurus) {
        return new CheckoutRequest.BasketItem(id, name, "Su", kurus);
    }

    private static CheckoutRequest request(CheckoutRequest.BasketItem... items) {
        return new CheckoutRequest(CONVERSATION_ID, BASKET_ID, CALLBACK_URL,
                new CheckoutRequest.Buyer("SUB-42", "Ayşe", "Yılmaz", "+905551112233", "ayse@example.org", TCKN,
                        "Çamlıca Köyü No: 12", "Kastamonu", "Turkey", "85.34.78.112"),
                List.of(items));
    }

    private void stubInitializeSuccess(String conversationId, String token, String signature) {
        stub.server.stubFor(post(urlEqualTo(INITIALIZE_PATH)).willReturn(okJson("""
                {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                 "token":"%s","checkoutFormContent":"<script type=\\"text/javascript\\">/* iyzico form */</script>",
                 "tokenExpireTime":1800,"paymentPageUrl":"https://sandbox-cpp.iyzipay.com?token=%s&lang=tr",
                 "payWithIyzicoPageUrl":"https://sandbox-ode.iyzico.com/?token=%s&lang=tr","signature":"%s"}
                """.formatted(conversationId, token, token, token, signature))));
    }

    private void stubRetrieve(String body) {
        stub.server.stubFor(post(urlEqualTo(RETRIEVE_PATH)).willReturn(okJson(body)));
    }

    /** A checkout retrieve answer for a paid basket, with iyzico's field names. */
    private static String retrieveSuccessBody(String paidPrice, String price, String signature) {
        return """
                {"status":"success","locale":"tr","systemTime":1764288000000,"conversationId":"%s",
                 "price":%s,"paidPrice":%s,"installment":1,"paymentId":"%s","fraudStatus":1,
                 "merchantCommissionRate":0,"merchantCommissionRateAmount":0,
                 "iyziCommissionRateAmount":4.275,"iyziCommissionFee":0.25,
                 "cardType":"CREDIT_CARD","cardAssociation":"MASTER_CARD","cardFamily":"Bonus",
                 "binNumber":"55287900","lastFourDigits":"0008","basketId":"%s","currency":"TRY",
                 "itemTransactions":[{"itemId":"WATER","paymentTransactionId":"29461287","transactionStatus":2,
                   "price":%s,"paidPrice":%s}],
                 "authCode":"930115","phase":"AUTH","hostReference":"mock00007iyzihostrfn",
                 %s"token":"%s","callbackUrl":"%s","paymentStatus":"SUCCESS"}
                """.formatted(CONVERSATION_ID, price, paidPrice, PAYMENT_ID, BASKET_ID, price, paidPrice,
                signature == null ? "" : "\"signature\":\"" + signature + "\",", TOKEN, CALLBACK_URL);
    }

    private String loggedText() {
        SimpleFormatter formatter = new SimpleFormatter();
        StringBuilder text = new StringBuilder();
        synchronized (logRecords) {
            for (LogRecord record : logRecords) {
                text.append(formatter.formatMessage(record)).append('\n');
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append(trace).append('\n');
                }
            }
        }
        return text.toString();
    }
}
