package org.sutahsilat.payment.iyzico;

import com.iyzipay.Options;
import com.iyzipay.model.Address;
import com.iyzipay.model.BasketItemType;
import com.iyzipay.model.CheckoutForm;
import com.iyzipay.model.CheckoutFormInitialize;
import com.iyzipay.model.Currency;
import com.iyzipay.model.Locale;
import com.iyzipay.model.PaymentGroup;
import com.iyzipay.model.Status;
import com.iyzipay.request.CreateCheckoutFormInitializeRequest;
import com.iyzipay.request.RetrieveCheckoutFormRequest;
import org.sutahsilat.payment.CheckoutRequest;
import org.sutahsilat.payment.CheckoutResult;
import org.sutahsilat.payment.CheckoutSession;
import org.sutahsilat.payment.CheckoutStatus;
import org.sutahsilat.payment.PaymentGateway;
import org.sutahsilat.payment.PaymentGatewayException;
import org.sutahsilat.payment.PaymentGatewayException.Reason;

import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link PaymentGateway} on iyzico's Checkout Form, through the official iyzipay-java client.
 *
 * <p>Responses are trusted only when their {@code signature} verifies (HMAC-SHA256 with the secret
 * key, checked by the library's own {@code verifySignature}: {@code conversationId:token} for
 * initialize; {@code paymentStatus:paymentId:currency:basketId:conversationId:paidPrice:price:token}
 * for retrieve, amounts without trailing zeros).
 *
 * <p>Timeouts: iyzipay-java hard-codes 140 s connect and read timeouts on its
 * {@code HttpURLConnection}. This adapter therefore runs each call on a worker thread and gives up
 * after {@link IyzicoSettings#callTimeout()}, reporting {@link Reason#TIMEOUT}; the abandoned worker
 * stays blocked until the library's own timeout or the answer. Workers come from the executor given
 * to the constructor (in a container: a {@code ManagedExecutorService}) or from a private pool of at
 * most {@value #DEFAULT_MAX_CONCURRENT_CALLS} daemon threads; when no worker is free the call fails
 * fast with {@link Reason#UNAVAILABLE}.
 *
 * <p>Nothing logged here contains the secret key or the buyer's personal data.
 */
public final class IyzicoPaymentGateway implements PaymentGateway, AutoCloseable {

    /** Calls in flight at once when the adapter owns its pool. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 32;

    /** The JDK HTTP client's system property: idle connections it keeps alive per server (JDK default 5). */
    public static final String KEPT_ALIVE_PROPERTY = "http.maxConnections";

    private static final System.Logger LOG = System.getLogger(IyzicoPaymentGateway.class.getName());
    private static final String SUCCESS = Status.SUCCESS.getValue();
    private static final String FAILURE = Status.FAILURE.getValue();
    private static final String PAYMENT_STATUS_SUCCESS = "SUCCESS";
    private static final String PAYMENT_STATUS_FAILURE = "FAILURE";

    private final IyzicoSettings settings;
    private final Options options;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    /** Uses a private pool of at most {@value #DEFAULT_MAX_CONCURRENT_CALLS} daemon threads; {@link #close()} it. */
    public IyzicoPaymentGateway(IyzicoSettings settings) {
        this(settings, newPrivatePool(DEFAULT_MAX_CONCURRENT_CALLS), true);
    }

    /**
     * Runs the blocking calls on {@code executor} (e.g. a container's {@code ManagedExecutorService});
     * the caller keeps ownership of it: {@link #close()} does not shut it down.
     */
    public IyzicoPaymentGateway(IyzicoSettings settings, ExecutorService executor) {
        this(settings, executor, false);
    }

    private IyzicoPaymentGateway(IyzicoSettings settings, ExecutorService executor, boolean ownsExecutor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ownsExecutor = ownsExecutor;
        keepConnectionsAlive(DEFAULT_MAX_CONCURRENT_CALLS);
        this.options = new Options();
        options.setBaseUrl(settings.baseUrl());
        options.setApiKey(settings.apiKey());
        options.setSecretKey(settings.secretKey());
    }

    /**
     * iyzipay-java opens an {@code HttpsURLConnection} for every call; after the answer the JDK keeps the connection
     * alive for the next call to the same server, but at most {@code http.maxConnections} idle ones per server, 5 by
     * default. Callbacks come in bursts (a browser's return, its refresh and the webhook, many subscribers at once):
     * beyond the fifth, every connection was closed after its call and the next call paid a new TCP connection and
     * a full TLS handshake (two key pairs and a certificate check: about 1 ms of CPU on our side, measured with the
     * callback benchmark). So the JDK keeps as many idle connections as calls may be in flight, unless the operator
     * chose a value ({@code -Dhttp.maxConnections}). The JDK reads the property at its first kept-alive connection,
     * so it is set before this adapter makes any call.
     */
    static void keepConnectionsAlive(int connections) {
        synchronized (IyzicoPaymentGateway.class) {
            if (System.getProperty(KEPT_ALIVE_PROPERTY) == null) {
                System.setProperty(KEPT_ALIVE_PROPERTY, Integer.toString(connections));
            }
        }
    }

    @Override
    public CheckoutSession initializeCheckout(CheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        CreateCheckoutFormInitializeRequest iyzicoRequest = toIyzicoRequest(request);
        String conversationId = request.conversationId();

        CheckoutFormInitialize response = call("initialize", conversationId,
                () -> CheckoutFormInitialize.create(iyzicoRequest, options));

        if (response == null) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.UNAVAILABLE,
                    "empty checkout initialize response (HTTP error without a body?)"));
        }
        if (FAILURE.equals(response.getStatus())) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.REJECTED,
                    "iyzico refused the checkout initialize, error " + response.getErrorCode(),
                    response.getErrorCode(), response.getErrorMessage(), null));
        }
        if (!SUCCESS.equals(response.getStatus())) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "unknown checkout initialize status: " + response.getStatus()));
        }
        if (!response.verifySignature(settings.secretKey())) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.SIGNATURE_INVALID,
                    "checkout initialize response signature "
                            + (isBlank(response.getSignature()) ? "missing" : "does not match")));
        }
        if (!conversationId.equals(response.getConversationId())) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "checkout initialize answered for another conversationId: " + response.getConversationId()));
        }
        if (isBlank(response.getToken()) || isBlank(response.getPaymentPageUrl())) {
            throw failed(conversationId, "initialize", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "checkout initialize response without token or paymentPageUrl"));
        }
        Long expire = response.getTokenExpireTime();
        CheckoutSession session = new CheckoutSession(response.getToken(), response.getPaymentPageUrl(),
                expire == null || expire < 0 ? 0 : expire, response.getConversationId());
        LOG.log(System.Logger.Level.INFO, "iyzico checkout initialized: conversationId={0}, basketId={1}, token={2}",
                conversationId, request.basketId(), session.token());
        return session;
    }

    @Override
    public CheckoutResult retrieveCheckout(String token, String conversationId) {
        if (isBlank(token)) {
            throw new IllegalArgumentException("token must not be blank");
        }
        if (isBlank(conversationId)) {
            throw new IllegalArgumentException("conversationId must not be blank");
        }
        RetrieveCheckoutFormRequest iyzicoRequest = new RetrieveCheckoutFormRequest();
        iyzicoRequest.setLocale(Locale.TR.getValue());
        iyzicoRequest.setConversationId(conversationId);
        iyzicoRequest.setToken(token);

        CheckoutForm form = call("retrieve", conversationId, () -> CheckoutForm.retrieve(iyzicoRequest, options));

        if (form == null) {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.UNAVAILABLE,
                    "empty checkout retrieve response (HTTP error without a body?)"));
        }
        boolean signed = !isBlank(form.getSignature());
        boolean verified = signed && form.verifySignature(settings.secretKey());
        if (signed && !verified) {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.SIGNATURE_INVALID,
                    "checkout retrieve response signature does not match"));
        }
        if (form.getToken() != null && !token.equals(form.getToken())) {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "checkout retrieve answered for another token"));
        }

        CheckoutStatus status;
        if (FAILURE.equals(form.getStatus())) {
            status = CheckoutStatus.FAILURE;
        } else if (SUCCESS.equals(form.getStatus())) {
            if (!verified) {
                throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.SIGNATURE_INVALID,
                        "checkout retrieve answered success without a signature"));
            }
            if (PAYMENT_STATUS_SUCCESS.equals(form.getPaymentStatus())) {
                status = CheckoutStatus.SUCCESS;
            } else if (PAYMENT_STATUS_FAILURE.equals(form.getPaymentStatus())) {
                status = CheckoutStatus.FAILURE;
            } else {
                status = CheckoutStatus.PENDING;
            }
        } else {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "unknown checkout retrieve status: " + form.getStatus()));
        }

        if (status == CheckoutStatus.SUCCESS
                && (form.getPrice() == null || form.getPaidPrice() == null || isBlank(form.getPaymentId())
                || form.getToken() == null)) {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    "successful checkout without price, paidPrice, paymentId or token"));
        }

        CheckoutResult result = new CheckoutResult(
                status,
                form.getPaymentStatus(),
                form.getPaymentId(),
                kurusOf(form.getPaidPrice(), "paidPrice", conversationId),
                kurusOf(form.getPrice(), "price", conversationId),
                form.getCurrency(),
                form.getBasketId(),
                form.getConversationId(),
                form.getToken() != null ? form.getToken() : token,
                form.getFraudStatus(),
                form.getErrorCode(),
                form.getErrorMessage(),
                verified);
        LOG.log(System.Logger.Level.INFO,
                "iyzico checkout retrieved: conversationId={0}, token={1}, status={2}, paymentStatus={3}, "
                        + "paymentId={4}, errorCode={5}, signatureVerified={6}",
                conversationId, token, result.status(), result.paymentStatus(), result.paymentId(),
                result.errorCode(), result.signatureVerified());
        return result;
    }

    /** Shuts down the private pool, if this adapter owns one. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private CreateCheckoutFormInitializeRequest toIyzicoRequest(CheckoutRequest request) {
        CheckoutRequest.Buyer buyer = request.buyer();
        BigDecimal total = IyzicoMoney.toLira(request.totalKurus());

        CreateCheckoutFormInitializeRequest r = new CreateCheckoutFormInitializeRequest();
        r.setLocale(Locale.TR.getValue());
        r.setConversationId(request.conversationId());
        r.setPrice(total);
        r.setPaidPrice(total);
        r.setCurrency(Currency.TRY.name());
        r.setBasketId(request.basketId());
        r.setPaymentGroup(PaymentGroup.PRODUCT.name());
        r.setCallbackUrl(request.callbackUrl());
        // single payment only: an installment fee would make paidPrice differ from the bill
        r.setEnabledInstallments(new ArrayList<>(List.of(1)));

        com.iyzipay.model.Buyer iyzicoBuyer = new com.iyzipay.model.Buyer();
        iyzicoBuyer.setId(buyer.id());
        iyzicoBuyer.setName(buyer.name());
        iyzicoBuyer.setSurname(buyer.surname());
        iyzicoBuyer.setGsmNumber(buyer.gsmNumber());
        iyzicoBuyer.setEmail(buyer.email());
        iyzicoBuyer.setIdentityNumber(buyer.identityNumber());
        iyzicoBuyer.setRegistrationAddress(buyer.address());
        iyzicoBuyer.setCity(buyer.city());
        iyzicoBuyer.setCountry(buyer.country());
        iyzicoBuyer.setIp(buyer.ip());
        r.setBuyer(iyzicoBuyer);

        Address billing = new Address();
        billing.setContactName(buyer.name() + " " + buyer.surname());
        billing.setAddress(buyer.address());
        billing.setCity(buyer.city());
        billing.setCountry(buyer.country());
        r.setBillingAddress(billing);

        List<com.iyzipay.model.BasketItem> items = new ArrayList<>();
        for (CheckoutRequest.BasketItem item : request.items()) {
            com.iyzipay.model.BasketItem iyzicoItem = new com.iyzipay.model.BasketItem();
            iyzicoItem.setId(item.id());
            iyzicoItem.setName(item.name());
            iyzicoItem.setCategory1(item.category());
            iyzicoItem.setItemType(BasketItemType.VIRTUAL.name());
            iyzicoItem.setPrice(IyzicoMoney.toLira(item.amountKurus()));
            items.add(iyzicoItem);
        }
        r.setBasketItems(items);
        return r;
    }

    private long kurusOf(BigDecimal amount, String field, String conversationId) {
        if (amount == null) {
            return 0;
        }
        try {
            return IyzicoMoney.toKurus(amount);
        } catch (ArithmeticException e) {
            throw failed(conversationId, "retrieve", new PaymentGatewayException(Reason.INVALID_RESPONSE,
                    field + " is not a whole number of kuruş: " + amount.toPlainString(), e));
        }
    }

    /** Runs a blocking library call on a worker, within {@link IyzicoSettings#callTimeout()}. */
    private <T> T call(String operation, String conversationId, Callable<T> action) {
        Future<T> future;
        try {
            future = executor.submit(action);
        } catch (RejectedExecutionException e) {
            throw failed(conversationId, operation, new PaymentGatewayException(Reason.UNAVAILABLE,
                    "no worker free for the iyzico " + operation + " call", e));
        }
        long timeoutMillis = settings.callTimeout().toMillis();
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failed(conversationId, operation, new PaymentGatewayException(Reason.TIMEOUT,
                    "no answer from iyzico " + operation + " within " + timeoutMillis + " ms", e));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(conversationId, operation, new PaymentGatewayException(Reason.TIMEOUT,
                    "interrupted while waiting for iyzico " + operation, e));
        } catch (ExecutionException e) {
            throw failed(conversationId, operation, translate(operation, e.getCause()));
        }
    }

    /**
     * Maps what iyzipay-java throws to a reason: a {@link SocketTimeoutException} anywhere in the chain
     * is a TIMEOUT; anything else (HttpClientException wrapping ConnectException, UnknownHostException,
     * SSLException...; Gson's JsonSyntaxException for a body that is not JSON, such as a proxy's error
     * page; the library does not look at the HTTP status) is UNAVAILABLE.
     */
    static PaymentGatewayException translate(String operation, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new PaymentGatewayException(Reason.TIMEOUT,
                        "iyzico " + operation + " timed out: " + t.getMessage(), failure);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new PaymentGatewayException(Reason.UNAVAILABLE,
                "iyzico " + operation + " failed: " + root.getClass().getSimpleName() + ": " + root.getMessage(),
                failure);
    }

    private static PaymentGatewayException failed(String conversationId, String operation,
                                                  PaymentGatewayException e) {
        LOG.log(System.Logger.Level.WARNING, "iyzico {0} failed: conversationId={1}, errorCode={2}: {3}",
                operation, conversationId, e.errorCode(), e.getMessage());
        return e;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static ExecutorService newPrivatePool(int maxThreads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "iyzico-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
                new ThreadPoolExecutor.AbortPolicy());
    }
}
