package org.sutahsilat.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local, iyzico-compatible Checkout Form for the offline demo, served by the JDK's own HTTPS server on the
 * loopback address. The real iyzipay-java client talks to it as to iyzico:
 * <ul>
 *   <li>{@value #INITIALIZE_PATH}: checks the {@code IYZWSv2} authorization (unknown API key: error 1001; wrong
 *       signature: 1000), requires {@code price} = the sum of the basket items (5062 otherwise) and answers
 *       {@code token}, {@code paymentPageUrl} (its own {@value #PAGE_PATH}), {@code tokenExpireTime} and the
 *       signature {@code conversationId:token};</li>
 *   <li>the hosted test page, Turkish or English ({@code lang}), with "Onayla / Approve" and "Reddet / Decline":
 *       the choice posts the token to the checkout's {@code callbackUrl} from an auto-submitting form, as iyzico
 *       does, and sends the webhook (with {@code X-IYZ-SIGNATURE-V3}) when one is configured;</li>
 *   <li>{@value #RETRIEVE_PATH}: SUCCESS with the payment's fields and signature after an approval, FAILURE
 *       after a decline or expiry, a signed "not paid yet" answer (no {@code paymentStatus}) before the choice,
 *       and an error for an unknown token.</li>
 * </ul>
 * Checkouts live in memory only: a restart forgets them. It is a demo stand-in, never started outside demo mode.
 */
public final class IyzicoSimulator implements AutoCloseable {

    public static final String INITIALIZE_PATH = "/payment/iyzipos/checkoutform/initialize/auth/ecom";
    public static final String RETRIEVE_PATH = "/payment/iyzipos/checkoutform/auth/ecom/detail";
    public static final String PAGE_PATH = "/checkout";
    public static final String DECIDE_PATH = "/checkout/decide";

    /** The simulator's code for an unknown token (iyzico documents none for this case). */
    static final String UNKNOWN_TOKEN = "5146";
    static final String EXPIRED_TOKEN = "5147";

    private static final System.Logger LOG = System.getLogger(IyzicoSimulator.class.getName());

    private final SimulatorConfig config;
    private final HttpsServer api;
    private final HttpServer page;
    private final ExecutorService workers;
    private final WebhookSender webhooks;
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final AtomicLong paymentIds = new AtomicLong(20_000_000L + ThreadLocalRandom.current().nextInt(1_000_000));

    private IyzicoSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "iyzico-simulator");
            t.setDaemon(true);
            return t;
        });
        api = HttpsServer.create(new InetSocketAddress(loopback, config.httpsPort()), 50);
        api.setHttpsConfigurator(new HttpsConfigurator(config.sslContext()));
        api.createContext(INITIALIZE_PATH, guarded(this::initialize));
        api.createContext(RETRIEVE_PATH, guarded(this::retrieve));
        addPageContexts(api);
        api.setExecutor(workers);
        if (config.pagePort() >= 0) {
            page = HttpServer.create(new InetSocketAddress(loopback, config.pagePort()), 50);
            addPageContexts(page);
            page.setExecutor(workers);
        } else {
            page = null;
        }
        webhooks = new WebhookSender(config);
    }

    /** Starts the servers; {@link #close()} stops them. */
    public static IyzicoSimulator start(SimulatorConfig config) {
        try {
            IyzicoSimulator simulator = new IyzicoSimulator(config);
            simulator.api.start();
            if (simulator.page != null) {
                simulator.page.start();
            }
            LOG.log(System.Logger.Level.INFO, "iyzico simulator on {0} (page {1})", simulator.apiBaseUrl(),
                    simulator.pageBaseUrl());
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the iyzico simulator", e);
        }
    }

    /** The base URL the iyzico client is configured with, e.g. {@code https://localhost:8443}. */
    public String apiBaseUrl() {
        return "https://localhost:" + api.getAddress().getPort();
    }

    /** Where the hosted test page is served (plain HTTP unless the page port is -1). */
    public String pageBaseUrl() {
        return page != null ? "http://localhost:" + page.getAddress().getPort() : apiBaseUrl();
    }

    /** The webhooks sent so far (for tests and the demo log). */
    public List<WebhookSender.Delivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    @Override
    public void close() {
        api.stop(0);
        if (page != null) {
            page.stop(0);
        }
        webhooks.close();
        workers.shutdownNow();
    }

    private void addPageContexts(HttpServer server) {
        server.createContext(PAGE_PATH, guarded(this::page));
        server.createContext(DECIDE_PATH, guarded(this::decide));
        server.createContext("/", guarded(this::home));
    }

    // ------------------------------------------------------------------ API

    private void initialize(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only");
            return;
        }
        String body = readBody(exchange);
        JsonObject request = parse(body);
        String locale = text(request, "locale").orElse("tr");
        String conversationId = text(request, "conversationId").orElse(null);
        Optional<JsonObject> refused = authorize(exchange, body, locale, conversationId);
        if (refused.isPresent()) {
            sendJson(exchange, refused.get());
            return;
        }
        Optional<BigDecimal> price = amount(request, "price");
        Optional<BigDecimal> paidPrice = amount(request, "paidPrice");
        Optional<String> callback = text(request, "callbackUrl");
        JsonArray basket = request.has("basketItems") && request.get("basketItems").isJsonArray()
                ? request.getAsJsonArray("basketItems") : new JsonArray();
        if (price.isEmpty() || price.get().signum() <= 0) {
            sendJson(exchange, error("5004", "price gönderilmesi zorunludur", locale, conversationId));
            return;
        }
        if (paidPrice.isEmpty() || paidPrice.get().signum() <= 0) {
            sendJson(exchange, error("5006", "paidPrice gönderilmesi zorunludur", locale, conversationId));
            return;
        }
        if (callback.isEmpty() || !isHttpUrl(callback.get())) {
            sendJson(exchange, error("5055", "callbackUrl geçerli bir adres olmalıdır", locale, conversationId));
            return;
        }
        if (basket.isEmpty()) {
            sendJson(exchange, error("5058", "basketItems gönderilmesi zorunludur", locale, conversationId));
            return;
        }
        List<Checkout.Item> items = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonElement element : basket) {
            JsonObject item = element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
            Optional<BigDecimal> itemPrice = amount(item, "price");
            if (itemPrice.isEmpty() || itemPrice.get().signum() <= 0) {
                sendJson(exchange, error("5059", "basketItems içindeki price sıfırdan büyük olmalıdır", locale,
                        conversationId));
                return;
            }
            sum = sum.add(itemPrice.get());
            items.add(new Checkout.Item(text(item, "id").orElse(""), text(item, "name").orElse(""), itemPrice.get()));
        }
        if (sum.compareTo(price.get()) != 0) {
            sendJson(exchange, error("5062", "Sepetteki ürünlerin toplam tutarı price değerine eşit olmalıdır",
                    locale, conversationId));
            return;
        }
        if (paidPrice.get().compareTo(price.get()) < 0) {
            sendJson(exchange, error("5063", "paidPrice, price değerinden küçük olamaz", locale, conversationId));
            return;
        }
        String token = UUID.randomUUID().toString();
        Instant now = config.clock().instant();
        Checkout checkout = new Checkout(token, conversationId, text(request, "basketId").orElse(null), price.get(),
                paidPrice.get(), text(request, "currency").orElse("TRY"), URI.create(callback.get()), locale, items,
                now.plus(config.tokenLifetime()));
        checkouts.put(token, checkout);

        String lang = "en".equalsIgnoreCase(locale) ? "en" : "tr";
        String pageUrl = pageBaseUrl() + PAGE_PATH + "?token=" + token + "&lang=" + lang;
        JsonObject answer = base("success", locale, conversationId);
        answer.addProperty("token", token);
        answer.addProperty("checkoutFormContent", "<script type=\"text/javascript\">window.location.href="
                + new com.google.gson.JsonPrimitive(pageUrl) + ";</script>");
        answer.addProperty("tokenExpireTime", config.tokenLifetime().toSeconds());
        answer.addProperty("paymentPageUrl", pageUrl);
        answer.addProperty("signature", IyzicoSignatures.responseSignature(config.secretKey(), conversationId, token));
        LOG.log(System.Logger.Level.INFO, "initialized checkout {0} for conversationId {1}, price {2}", token,
                conversationId, price.get().toPlainString());
        sendJson(exchange, answer);
    }

    private void retrieve(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only");
            return;
        }
        String body = readBody(exchange);
        JsonObject request = parse(body);
        String locale = text(request, "locale").orElse("tr");
        String conversationId = text(request, "conversationId").orElse(null);
        Optional<JsonObject> refused = authorize(exchange, body, locale, conversationId);
        if (refused.isPresent()) {
            sendJson(exchange, refused.get());
            return;
        }
        Checkout checkout = text(request, "token").map(checkouts::get).orElse(null);
        if (checkout == null) {
            sendJson(exchange, error(UNKNOWN_TOKEN, "Token bulunamadı ya da geçersiz", locale, conversationId));
            return;
        }
        Checkout.State state = checkout.state();
        if (state == Checkout.State.OPEN && checkout.expired(config.clock().instant())) {
            JsonObject expired = error(EXPIRED_TOKEN, "Ödeme formunun süresi doldu", locale, conversationId);
            expired.addProperty("token", checkout.token);
            expired.addProperty("callbackUrl", checkout.callbackUrl.toString());
            expired.addProperty("paymentStatus", "FAILURE");
            sendJson(exchange, expired);
            return;
        }
        if (state == Checkout.State.DECLINED) {
            JsonObject declined = error("10005", "İşlem onaylanmadı", locale, conversationId);
            declined.addProperty("errorGroup", "DO_NOT_HONOUR");
            declined.addProperty("token", checkout.token);
            declined.addProperty("callbackUrl", checkout.callbackUrl.toString());
            declined.addProperty("paymentStatus", "FAILURE");
            sendJson(exchange, declined);
            return;
        }
        JsonObject answer = base("success", locale, conversationId);
        answer.addProperty("price", checkout.price);
        answer.addProperty("basketId", checkout.basketId);
        answer.addProperty("currency", checkout.currency);
        answer.addProperty("token", checkout.token);
        answer.addProperty("callbackUrl", checkout.callbackUrl.toString());
        answer.addProperty("tokenExpireTime", Math.max(0,
                checkout.expiresAt.getEpochSecond() - config.clock().instant().getEpochSecond()));
        if (state == Checkout.State.OPEN) {
            // not paid yet: no payment, no paymentStatus; still signed, as every success answer is
            answer.addProperty("signature", IyzicoSignatures.responseSignature(config.secretKey(),
                    null, null, checkout.currency, checkout.basketId, conversationId, null, checkout.price,
                    checkout.token));
            sendJson(exchange, answer);
            return;
        }
        String paymentId = checkout.paymentId();
        answer.addProperty("paidPrice", checkout.paidPrice);
        answer.addProperty("installment", 1);
        answer.addProperty("paymentId", paymentId);
        answer.addProperty("fraudStatus", 1);
        answer.addProperty("merchantCommissionRate", 0);
        answer.addProperty("merchantCommissionRateAmount", 0);
        answer.addProperty("cardType", "CREDIT_CARD");
        answer.addProperty("cardAssociation", "MASTER_CARD");
        answer.addProperty("cardFamily", "Demo");
        answer.addProperty("binNumber", "55287900");
        answer.addProperty("lastFourDigits", "0008");
        JsonArray transactions = new JsonArray();
        int n = 0;
        for (Checkout.Item item : checkout.items) {
            JsonObject t = new JsonObject();
            t.addProperty("itemId", item.id());
            t.addProperty("paymentTransactionId", paymentId + "-" + (++n));
            t.addProperty("transactionStatus", 2);
            t.addProperty("price", item.price());
            t.addProperty("paidPrice", item.price());
            transactions.add(t);
        }
        answer.add("itemTransactions", transactions);
        answer.addProperty("authCode", "000000");
        answer.addProperty("phase", "AUTH");
        answer.addProperty("paymentStatus", "SUCCESS");
        answer.addProperty("signature", IyzicoSignatures.responseSignature(config.secretKey(), "SUCCESS", paymentId,
                checkout.currency, checkout.basketId, conversationId, checkout.paidPrice, checkout.price,
                checkout.token));
        sendJson(exchange, answer);
    }

    /** Empty when the request is signed with the configured keys, otherwise iyzico's error answer. */
    private Optional<JsonObject> authorize(HttpExchange exchange, String body, String locale, String conversationId) {
        IyzicoSignatures.Authorization auth = IyzicoSignatures.Authorization.parse(
                exchange.getRequestHeaders().getFirst("Authorization"));
        if (auth == null || !config.apiKey().equals(auth.apiKey())) {
            LOG.log(System.Logger.Level.WARNING, "refused a request to {0}: unknown API key",
                    exchange.getRequestURI().getPath());
            return Optional.of(error("1001", "api bilgileri bulunamadı", locale, conversationId));
        }
        if (!auth.signs(config.secretKey(), exchange.getRequestURI().getPath(), body)) {
            LOG.log(System.Logger.Level.WARNING, "refused a request to {0}: bad signature",
                    exchange.getRequestURI().getPath());
            return Optional.of(error("1000", "Geçersiz imza", locale, conversationId));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ hosted page

    private void home(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain; charset=UTF-8", "not found");
            return;
        }
        HostedPage texts = HostedPage.of(query(exchange).get("lang"));
        send(exchange, 200, "text/html; charset=UTF-8", texts.home());
    }

    private void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        HostedPage texts = HostedPage.of(query.get("lang"));
        Checkout checkout = query.get("token") == null ? null : checkouts.get(query.get("token"));
        if (checkout == null) {
            send(exchange, 404, "text/html; charset=UTF-8", texts.message("page.unknown"));
            return;
        }
        if (checkout.state() == Checkout.State.OPEN && checkout.expired(config.clock().instant())) {
            send(exchange, 410, "text/html; charset=UTF-8", texts.message("page.expired"));
            return;
        }
        if (checkout.state() != Checkout.State.OPEN) {
            send(exchange, 200, "text/html; charset=UTF-8", texts.callback(checkout));
            return;
        }
        send(exchange, 200, "text/html; charset=UTF-8", texts.form(checkout));
    }

    private void decide(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> form = decodeForm(readBody(exchange));
        HostedPage texts = HostedPage.of(form.get("lang"));
        Checkout checkout = form.get("token") == null ? null : checkouts.get(form.get("token"));
        if (checkout == null) {
            send(exchange, 404, "text/html; charset=UTF-8", texts.message("page.unknown"));
            return;
        }
        if (checkout.state() == Checkout.State.OPEN && checkout.expired(config.clock().instant())) {
            send(exchange, 410, "text/html; charset=UTF-8", texts.message("page.expired"));
            return;
        }
        boolean approve = "approve".equals(form.get("decision"));
        if (checkout.decide(approve, Long.toString(paymentIds.incrementAndGet()))) {
            LOG.log(System.Logger.Level.INFO, "checkout {0} {1} on the test page", checkout.token,
                    approve ? "approved" : "declined");
            webhooks.schedule(checkout);
        }
        send(exchange, 200, "text/html; charset=UTF-8", texts.callback(checkout));
    }

    // ------------------------------------------------------------------ plumbing

    private JsonObject base(String status, String locale, String conversationId) {
        JsonObject answer = new JsonObject();
        answer.addProperty("status", status);
        answer.addProperty("locale", locale);
        answer.addProperty("systemTime", config.clock().millis());
        if (conversationId != null) {
            answer.addProperty("conversationId", conversationId);
        }
        return answer;
    }

    private JsonObject error(String code, String message, String locale, String conversationId) {
        JsonObject answer = base("failure", locale, conversationId);
        answer.addProperty("errorCode", code);
        answer.addProperty("errorMessage", message);
        return answer;
    }

    private static JsonObject parse(String body) {
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull() || !value.isJsonPrimitive()) {
            return Optional.empty();
        }
        String s = value.getAsString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<BigDecimal> amount(JsonObject object, String name) {
        try {
            return text(object, name).map(BigDecimal::new);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : decodeForm(raw);
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void sendJson(HttpExchange exchange, JsonObject answer) throws IOException {
        send(exchange, 200, "application/json; charset=UTF-8", answer.toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpHandler guarded(Handler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "iyzico simulator: " + exchange.getRequestURI().getPath(), e);
                try {
                    send(exchange, 500, "text/plain", "simulator error");
                } catch (IOException | RuntimeException ignored) {
                    // the answer was already under way
                }
            } finally {
                exchange.close();
            }
        };
    }
}
