package org.sutahsilat.payment.card;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.infrastructure.jpa.JtaChunkTransactions;
import org.sutahsilat.payment.card.CardResults.Reconciliation;
import org.sutahsilat.payment.card.CardResults.ReportRow;
import org.sutahsilat.payment.card.CardResults.Settlement;
import org.sutahsilat.payment.card.CardResults.Started;
import org.sutahsilat.payment.iyzico.IyzicoPaymentGateway;
import org.sutahsilat.payment.iyzico.IyzicoSettings;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@link CardPayments} in the container: JTA transactions of their own ({@link JtaChunkTransactions}, REQUIRES_NEW),
 * the iyzico adapter on the container's managed executor, settings from MicroProfile Config (environment variables):
 * <ul>
 *   <li>{@value #BASE_URL}, {@value #API_KEY}, {@value #SECRET_KEY}: iyzico (sandbox, live or the demo simulator);
 *       unset: card payment is off ({@code card.error.notConfigured})</li>
 *   <li>{@code su.public.base.url}: the callback is {@code <base>/odeme/donus}</li>
 *   <li>{@value #GRACE}: seconds an attempt is left to its callback before reconciliation (default 120)</li>
 *   <li>{@value #RECONCILE}: seconds between reconciliation passes (default 300; used by the portal's scheduler)</li>
 * </ul>
 * Secrets are never logged.
 */
@ApplicationScoped
public class CardPaymentService {

    public static final String BASE_URL = "su.iyzico.base-url";
    public static final String API_KEY = "su.iyzico.api-key";
    public static final String SECRET_KEY = "su.iyzico.secret-key";
    public static final String GRACE = "su.payment.grace-seconds";
    public static final String RECONCILE = "su.payment.reconcile-seconds";
    public static final String CONCURRENT_POSTINGS = "su.payment.concurrent-postings";
    public static final String CALLBACK_PATH = "/odeme/donus";
    private static final System.Logger LOG = System.getLogger(CardPaymentService.class.getName());

    @Inject
    JtaChunkTransactions transactions;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    private CardPayments card;
    private IyzicoWebhook webhook;
    private IyzicoPaymentGateway gateway;
    private long reconcileSeconds;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        reconcileSeconds = config.getOptionalValue(RECONCILE, Long.class).orElse(300L);
        Optional<String> base = config.getOptionalValue(BASE_URL, String.class);
        Optional<String> apiKey = config.getOptionalValue(API_KEY, String.class);
        Optional<String> secret = config.getOptionalValue(SECRET_KEY, String.class);
        if (base.isEmpty() || apiKey.isEmpty() || secret.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "card payment is off: {0}, {1} and {2} are not all set", BASE_URL,
                    API_KEY, SECRET_KEY);
            return;
        }
        IyzicoSettings settings = new IyzicoSettings(base.get(), apiKey.get(), secret.get(), Duration.ofSeconds(5),
                Duration.ofSeconds(25));
        gateway = new IyzicoPaymentGateway(settings, executor);
        String publicBase = config.getOptionalValue(BillDirectory.PORTAL_SETTING, String.class)
                .orElse("http://localhost:8080").replaceAll("/+$", "");
        long grace = config.getOptionalValue(GRACE, Long.class).orElse(120L);
        int postings = config.getOptionalValue(CONCURRENT_POSTINGS, Integer.class)
                .orElse(CardSettings.defaultConcurrentPostings());
        card = new CardPayments(transactions, gateway, clock, new CardSettings(publicBase + CALLBACK_PATH,
                Duration.ofSeconds(grace), CardSettings.IYZICO_TOKEN_LIFETIME,
                Duration.ofSeconds(Math.max(30, reconcileSeconds - 10)), postings));
        webhook = new IyzicoWebhook(new WebhookSignature(secret.get()),
                (token, ip) -> card.settle(token, DeliveryChannel.WEBHOOK, null, ip),
                (kind, token, detail, ip) -> card.refused(kind, DeliveryChannel.WEBHOOK, token, detail, ip));
        LOG.log(System.Logger.Level.INFO, "card payment on: {0}", settings);
    }

    @PreDestroy
    void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    public boolean enabled() {
        return card != null;
    }

    public long reconcileSeconds() {
        return reconcileSeconds;
    }

    /** The subscriber's open bills with the surcharge due today (the payment page's choice). */
    public org.sutahsilat.domain.payment.SubscriberAccount account(long institutionId, long subscriberId) {
        return card().account(institutionId, subscriberId);
    }

    public Started start(CardPayments.StartCommand command) {
        return card().start(command);
    }

    public Settlement settle(String token, DeliveryChannel channel, String claimedReference, String clientIp) {
        return card().settle(token, channel, claimedReference, clientIp);
    }

    public IyzicoWebhook.Reply webhook(String body, String signature, String clientIp) {
        card();
        return webhook.handle(body, signature, clientIp);
    }

    /** One reconciliation pass on this node (nothing when card payment is off or another node holds the lease). */
    public Reconciliation reconcile() {
        return card == null ? new Reconciliation(false, 0, 0, 0, 0, 0) : card.reconcile(node);
    }

    public List<ReportRow> report(LocalDate day, TenantScope scope) {
        return card().report(day, scope);
    }

    public Optional<CardAttempt> attempt(String reference) {
        return card == null ? Optional.empty() : card.attempt(reference);
    }

    public Optional<ReceiptDocument> receipt(CardAttempt attempt) {
        return card().receipt(attempt);
    }

    private CardPayments card() {
        if (card == null) {
            throw new DomainException("card.error.notConfigured", "card payment is not configured");
        }
        return card;
    }
}
