package org.sutahsilat.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.audit.AuditEntry;
import org.sutahsilat.domain.audit.AuditLog;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.payment.PaymentRepository.Read;
import org.sutahsilat.domain.payment.SubscriberLedger.AllocationEntry;
import org.sutahsilat.domain.payment.SubscriberLedger.ChargeEntry;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberRepository;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tahsilat: records the money a subscriber pays and reverses it, in one transaction each (joining the caller's
 * transaction when there is one, e.g. the card callback of issue 4).
 *
 * <h2>Recording ({@link #record})</h2>
 * <ol>
 *   <li>The subscriber is looked up within the tenant scope in force (another institution's is "not found", and
 *       nothing is written) and its row is locked: the postings of one subscriber are serialised.</li>
 *   <li>A key already used in the institution returns the payment it recorded (a double click, a refresh, a card
 *       callback arriving twice records one payment).</li>
 *   <li>The day received is not in the future and not before the subscriber's last posting (business dates of a
 *       subscriber never go back, or surcharge already charged would be wrong).</li>
 *   <li>The subscriber's account is loaded ({@link SubscriberLedger}); unspent credit of earlier overpayments is
 *       spent first (it is older money), then the payment: oldest debt first, of each bill the surcharge before the
 *       principal ({@link PaymentAllocator}); what is left stays credit for the next bill. Surcharge is charged on
 *       each bill the money reaches, up to what it accrued by the day received ({@link SurchargeCharge}).</li>
 *   <li>The receipt number comes from the institution's yearly series in the same transaction; the payment records
 *       the debt and credit left after it (printed on the receipt); the audit log gets a line.</li>
 * </ol>
 *
 * <h2>Reversal ({@link #reverse})</h2>
 * A compensating payment with the negated amount and rows (also the rows of credit it had spent on later bills),
 * dated today, with the reason and its own receipt number; the original is never edited. The debt comes back to
 * the kuruş; its principal bears surcharge again as if never paid. A payment is reversed at most once and a
 * reversal never.
 *
 * <p>Only OPERATOR and COMPANY_ADMIN take money at the office and reverse payments.
 */
@ApplicationScoped
@Transactional
public class PaymentService {

    /** Channels a cashier may enter; CARD payments come only through the card gateway. */
    public static final Set<PaymentChannel> OFFICE_CHANNELS =
            Set.of(PaymentChannel.CASH, PaymentChannel.OFFICE, PaymentChannel.BANK);
    static final int MAX_REFERENCE = 96;
    static final int MAX_KEY = 64;
    static final int MAX_REASON = 500;

    private PaymentRepository payments;
    private SubscriberRepository subscribers;
    private InstitutionRepository institutions;
    private AuditLog audit;
    private TenantContext tenant;
    private Clock clock;
    private final PaymentAllocator allocator = new PaymentAllocator();

    protected PaymentService() {
        // for CDI proxies
    }

    @Inject
    public PaymentService(PaymentRepository payments, SubscriberRepository subscribers,
                          InstitutionRepository institutions, AuditLog audit, TenantContext tenant, Clock clock) {
        this.payments = payments;
        this.subscribers = subscribers;
        this.institutions = institutions;
        this.audit = audit;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Today in Türkiye (the business day of anything posted now). */
    public LocalDate today() {
        return Payment.today(clock);
    }

    /** The subscriber's open bills with the surcharge due today, its debt and credit (the cashier's screen). */
    public SubscriberAccount account(long institutionId, String subscriberNo) {
        Subscriber s = subscriber(institutionId, subscriberNo);
        Institution institution = institution(institutionId);
        LocalDate today = today();
        // a screen: plain reads, so that showing an account never waits for a posting nor holds one up
        SubscriberLedger ledger = ledger(institution, s.getId(), payments.paymentsOf(s.getId(), Read.PLAIN),
                Read.PLAIN);
        return new SubscriberAccount(institutionId, s.getId(), s.getSubscriberNo().value(), s.maskedName(), today,
                ledger.openBills(today), ledger.debt(today), ledger.credit());
    }

    /** The subscriber's receipts (newest first) and the day each fully paid bill was paid (plain reads). */
    public PaymentHistory history(long institutionId, long subscriberId) {
        institution(institutionId);
        List<Payment> history = payments.paymentsOf(subscriberId, Read.PLAIN).stream()
                .filter(p -> p.getInstitutionId() == institutionId).toList();
        Set<Long> reversed = reversedIds(history);
        List<PaymentHistory.Receipt> receipts = new ArrayList<>();
        Map<Long, LocalDate> paidOn = new HashMap<>();
        for (Payment p : history) {
            receipts.add(new PaymentHistory.Receipt(p.getId(), p.getReceiptNo(), p.businessDay(), p.getAmount(),
                    p.getChannel(), p.isReversal(), reversed.contains(p.getId())));
            if (p.isReversal() || reversed.contains(p.getId())) {
                continue;
            }
            for (PaymentAllocation a : p.getAllocations()) {
                if (a.getKind() == AllocationKind.PRINCIPAL && a.getBillId() != null) {
                    // rows from before allocation days were kept count as of their payment's day
                    LocalDate day = a.getAllocatedOn() != null ? a.getAllocatedOn() : p.businessDay();
                    paidOn.merge(a.getBillId(), day, (x, y) -> x.isAfter(y) ? x : y);
                }
            }
        }
        receipts.sort(java.util.Comparator.comparing(PaymentHistory.Receipt::receivedOn)
                .thenComparing(PaymentHistory.Receipt::paymentId).reversed());
        return new PaymentHistory(receipts, paidOn);
    }

    /** A payment taken at the office by a cashier (OPERATOR or COMPANY_ADMIN). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReceiptDocument recordAtOffice(OfficePayment payment, AuthenticatedUser staff) {
        requireCashier(staff);
        if (payment.channel() == null || !OFFICE_CHANNELS.contains(payment.channel())) {
            throw new DomainException("error.payment.channel", "not an office channel: " + payment.channel(),
                    payment.channel());
        }
        // The subscriber's row lock is this transaction's first statement (REQUIRES_NEW): every posting of the
        // subscriber takes it, so the reads after it may be plain, and plain reads lock no index gaps, which
        // neighbouring subscribers' postings would insert into (deadlocks between cashiers, or with card callbacks).
        String no = trimToNull(payment.subscriberNo());
        if (no != null && SubscriberNo.isValid(no) && tenant.scope().permits(payment.institutionId())) {
            payments.lockSubscriberByNo(payment.institutionId(), no);
        }
        Subscriber s = subscriber(payment.institutionId(), payment.subscriberNo());
        return receipt(post(new PaymentCommand(payment.institutionId(), s.getId(), payment.amount(),
                payment.channel(), payment.receivedOn(), payment.reference(), staff.id(), payment.idempotencyKey()),
                Read.PLAIN));
    }

    /** Records a payment (any channel); see the class comment. Returns its receipt. */
    public ReceiptDocument record(PaymentCommand c) {
        return receipt(post(c));
    }

    /**
     * {@link #record} without building the receipt document: the posted payment (or, for a key already used, the
     * first one). For callers that need only its id and receipt number (a card settlement).
     */
    public Payment post(PaymentCommand c) {
        return post(c, Read.LOCKING);
    }

    /**
     * {@link #post} for a transaction whose statements before it were locking reads only (a card settlement locks its
     * attempt's row first). The posting takes the subscriber's row lock before any plain read, and every posting of
     * the subscriber takes that lock; so the plain reads after it see every committed posting of the subscriber, under
     * READ COMMITTED and under REPEATABLE READ alike (InnoDB takes the snapshot at the first plain read, not at a
     * locking one). The ledger is then read without locking reads: cheaper (EclipseLink prepares a locking query again
     * at every execution), and no index gaps locked that the neighbouring subscribers' postings insert into.
     */
    public Payment postAfterLockingReads(PaymentCommand c) {
        return post(c, Read.PLAIN);
    }

    /**
     * {@code read}: LOCKING (the ledger reads lock what they read; under READ COMMITTED rows only) or PLAIN (only
     * when no plain read came before in the transaction, or only after the subscriber's row lock: see
     * {@link #recordAtOffice} and {@link #postAfterLockingReads}). The subscriber's row lock is the posting's first
     * statement, so that a plain read here never predates it.
     */
    private Payment post(PaymentCommand c, Read read) {
        String key = trimToNull(c.idempotencyKey());
        if (key != null && key.length() > MAX_KEY) {
            throw new IllegalArgumentException("idempotency key longer than " + MAX_KEY);
        }
        // before any plain read (the row of another institution's subscriber is locked only until the refusal below)
        payments.lockSubscriber(c.subscriberId());
        Institution institution = institution(c.institutionId());
        Subscriber s = subscribers.find(c.subscriberId())
                .filter(x -> x.getInstitutionId() == c.institutionId())
                .orElseThrow(() -> new NotFoundException("subscriber", c.subscriberId()));
        if (key != null) {
            var earlier = payments.findByIdempotencyKey(c.institutionId(), key, read);
            if (earlier.isPresent()) {
                Payment p = earlier.get();
                if (!p.getSubscriberId().equals(s.getId()) || !p.getAmount().equals(c.amount())) {
                    throw new DomainException("error.payment.keyReused",
                            "key " + key + " was used for another payment " + p.getReceiptNo(), p.getReceiptNo());
                }
                return p;
            }
        }
        if (c.amount() == null || !c.amount().isPositive()) {
            throw new DomainException("error.payment.amount", "a payment must be positive: " + c.amount(),
                    c.amount());
        }
        if (c.channel() == null) {
            throw new DomainException("error.payment.channel", "no channel", (Object) null);
        }
        LocalDate today = today();
        LocalDate on = c.receivedOn();
        if (on == null) {
            throw new DomainException("error.payment.dateRequired", "the day received is missing");
        }
        if (on.isAfter(today)) {
            throw new DomainException("error.payment.futureDate", "received on " + on + ", after today " + today, on);
        }
        String reference = trimToNull(c.reference());
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw new DomainException("error.payment.referenceTooLong", "reference longer than " + MAX_REFERENCE,
                    MAX_REFERENCE);
        }
        if (reference != null && payments.referenceUsed(c.channel(), reference)) {
            throw new DomainException("error.payment.referenceUsed", "reference already recorded: " + reference,
                    reference);
        }

        List<Payment> history = payments.paymentsOf(s.getId(), read);
        SubscriberLedger ledger = ledger(institution, s.getId(), history, read);
        LocalDate last = ledger.lastPosting();
        if (last != null && on.isBefore(last)) {
            throw new DomainException("error.payment.dateBeforeLastPosting",
                    "received on " + on + ", before the subscriber's last posting " + last, on, last);
        }

        List<ChargeEntry> charges = new ArrayList<>(spendCredit(ledger, history, on).charges());
        List<AllocationLine> lines = allocator.allocate(c.amount(), ledger.openItems(on));
        charges.addAll(ledger.charge(lines, on));
        for (AllocationLine line : lines) {
            ledger.record(new AllocationEntry(0, line.billId(), line.kind(), line.amount(), on, true));
        }

        Instant now = clock.instant();
        Instant paidAt = on.equals(today) ? now : on.atTime(LocalTime.NOON).atZone(Payment.BUSINESS_ZONE).toInstant();
        String receiptNo = payments.nextReceiptNo(institution.getId(), institution.getCode(), today.getYear());
        Payment payment = Payment.receive(institution.getId(), s.getId(), c.amount(), c.channel(), on, paidAt,
                receiptNo, reference, c.receivedBy(), key, now);
        PaymentAllocator.post(payment, lines);
        payment.balanceAfter(ledger.debt(on), ledger.credit());
        payments.save(payment);
        for (ChargeEntry charge : charges) {
            payments.save(SurchargeCharge.post(institution.getId(), s.getId(), charge.billId(), charge.on(),
                    charge.amount(), payment.getId(), now));
        }
        payments.flush();
        audit.record(AuditEntry.of(now, c.receivedBy(), null, institution.getId(), "PAYMENT_RECORDED", "Payment",
                payment.getId(), "receipt=" + receiptNo + " subscriberNo=" + s.getSubscriberNo().value() + " amount="
                        + c.amount() + " channel=" + c.channel() + " receivedOn=" + on, null));
        return payment;
    }

    /**
     * Spends the subscriber's unspent credit on its open debt today (for example right after a billing run issued
     * the next bill). Returns what it paid; empty when there was no credit or no debt.
     */
    public List<AllocationLine> applyCredit(long institutionId, long subscriberId, Long by) {
        Institution institution = institution(institutionId);
        Subscriber s = subscribers.find(subscriberId).filter(x -> x.getInstitutionId() == institutionId)
                .orElseThrow(() -> new NotFoundException("subscriber", subscriberId));
        payments.lockSubscriber(s.getId());
        List<Payment> history = payments.paymentsOf(s.getId(), Read.LOCKING);
        SubscriberLedger ledger = ledger(institution, s.getId(), history, Read.LOCKING);
        CreditSpent spent = spendCredit(ledger, history, today());
        if (spent.lines().isEmpty()) {
            return List.of();
        }
        List<AllocationLine> lines = spent.lines();
        List<ChargeEntry> charges = spent.charges();
        Instant now = clock.instant();
        for (ChargeEntry charge : charges) {
            payments.save(SurchargeCharge.post(institutionId, s.getId(), charge.billId(), charge.on(), charge.amount(),
                    null, now));
        }
        payments.flush();
        Money total = lines.stream().map(AllocationLine::amount).reduce(Money.ZERO, Money::plus);
        audit.record(AuditEntry.of(now, by, null, institutionId, "CREDIT_APPLIED", "Subscriber", s.getId(),
                "subscriberNo=" + s.getSubscriberNo().value() + " amount=" + total, null));
        return lines;
    }

    /** Reverses a payment with a compensating entry dated today; returns the reversal's receipt. */
    public ReceiptDocument reverse(long paymentId, String reason, AuthenticatedUser staff) {
        requireCashier(staff);
        String why = trimToNull(reason);
        if (why == null) {
            throw new DomainException("error.payment.reasonRequired", "a reversal needs a reason");
        }
        if (why.length() > MAX_REASON) {
            throw new DomainException("error.payment.reasonTooLong", "reason longer than " + MAX_REASON, MAX_REASON);
        }
        Payment original = payments.find(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        payments.lockSubscriber(original.getSubscriberId());
        if (original.isReversal()) {
            throw new DomainException("error.payment.notReversible", "a reversal cannot be reversed: "
                    + original.getReceiptNo(), original.getReceiptNo());
        }
        if (payments.findReversalOf(paymentId).isPresent()) {
            throw new DomainException("error.payment.alreadyReversed", "payment " + original.getReceiptNo()
                    + " is already reversed", original.getReceiptNo());
        }
        Institution institution = institution(original.getInstitutionId());
        LocalDate today = today();
        Instant now = clock.instant();
        List<Payment> history = new ArrayList<>(payments.paymentsOf(original.getSubscriberId(), Read.LOCKING));
        String receiptNo = payments.nextReceiptNo(institution.getId(), institution.getCode(), today.getYear());
        Payment reversal = original.reverse(receiptNo, today, why, staff.id(), now);
        history.add(reversal);
        SubscriberLedger ledger = ledger(institution, original.getSubscriberId(), history, Read.LOCKING);
        reversal.balanceAfter(ledger.debt(today), ledger.credit());
        payments.save(reversal);
        audit.record(AuditEntry.of(now, staff.id(), staff.username(), institution.getId(), "PAYMENT_REVERSED",
                "Payment", original.getId(), "receipt=" + original.getReceiptNo() + " reversal=" + receiptNo
                        + " amount=" + original.getAmount() + " reason=" + why, null));
        return receipt(reversal);
    }

    /** The receipt of a payment (or of a reversal) within the tenant scope. */
    public ReceiptDocument receipt(long paymentId) {
        return receipt(payments.find(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId)));
    }

    /** A receipt, only if the payment is the given subscriber's (the portal's check); else empty. */
    public Optional<ReceiptDocument> receiptOf(long institutionId, long subscriberId, long paymentId) {
        return payments.find(paymentId)
                .filter(p -> p.getInstitutionId() == institutionId && p.getSubscriberId() == subscriberId)
                .map(this::receipt);
    }

    /** The payment list: tenant-scoped, filtered, one page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PaymentSummary> list(PaymentFilter filter, PageRequest page) {
        return payments.search(filter == null ? PaymentFilter.none() : filter, page);
    }

    // ---------------------------------------------------------------- internals

    private ReceiptDocument receipt(Payment p) {
        Institution institution = institution(p.getInstitutionId());
        Subscriber s = subscribers.find(p.getSubscriberId())
                .orElseThrow(() -> new NotFoundException("subscriber", p.getSubscriberId()));
        Map<Long, SubscriberLedger.BillEntry> bills = payments.billsInForce(s.getId()).stream()
                .collect(Collectors.toMap(SubscriberLedger.BillEntry::billId, b -> b, (a, b) -> a));
        Map<Long, Money[]> byBill = new LinkedHashMap<>();
        Money creditKept = Money.ZERO;
        List<PaymentAllocation> rows = p.getAllocations();
        for (int i = 0; i < rows.size(); i++) {
            PaymentAllocation a = rows.get(i);
            if (a.getKind() == AllocationKind.CREDIT) {
                boolean transfer = i + 1 < rows.size() && rows.get(i + 1).getBillId() != null
                        && rows.get(i + 1).getAmount().equals(a.getAmount().negate());
                if (transfer) {
                    i++; // credit spent later on a bill: not what this payment paid when it was received
                } else {
                    creditKept = creditKept.plus(a.getAmount());
                }
                continue;
            }
            Money[] split = byBill.computeIfAbsent(a.getBillId(), id -> new Money[]{Money.ZERO, Money.ZERO});
            int slot = a.getKind() == AllocationKind.SURCHARGE ? 0 : 1;
            split[slot] = split[slot].plus(a.getAmount());
        }
        List<ReceiptDocument.Line> lines = new ArrayList<>();
        byBill.forEach((billId, split) -> {
            SubscriberLedger.BillEntry b = bills.get(billId);
            lines.add(new ReceiptDocument.Line(b == null ? "#" + billId : b.billNo(), b == null ? null : b.period(),
                    split[0], split[1]));
        });
        boolean reversed = false;
        String otherReceipt = null;
        String reason = null;
        if (p.isReversal()) {
            otherReceipt = payments.find(p.getReversesPaymentId()).map(Payment::getReceiptNo).orElse(null);
            reason = p.getNote();
        } else {
            var reversal = payments.findReversalOf(p.getId());
            if (reversal.isPresent()) {
                reversed = true;
                otherReceipt = reversal.get().getReceiptNo();
                reason = reversal.get().getNote();
            }
        }
        String staff = p.getReceivedBy() == null ? null : payments.staffName(p.getReceivedBy()).orElse(null);
        return new ReceiptDocument(p.getId(), institution.getId(), institution.getName(), p.getReceiptNo(),
                p.getPaidAt(), p.businessDay(), s.getSubscriberNo().value(), s.maskedName(), p.getAmount(),
                p.getChannel(), p.getExternalRef(), lines, creditKept, p.getDebtAfter(), p.getCreditAfter(), staff,
                reversed, otherReceipt, reason, p.isReversal());
    }

    /** What spending credit paid, and the surcharge it charged on the bills it reached. */
    private record CreditSpent(List<AllocationLine> lines, List<ChargeEntry> charges) {
    }

    /** Spends unspent credit on the open items of {@code on} (charging the surcharge of the bills it reaches). */
    private CreditSpent spendCredit(SubscriberLedger ledger, List<Payment> history, LocalDate on) {
        Money credit = ledger.credit();
        if (!credit.isPositive()) {
            return new CreditSpent(List.of(), List.of());
        }
        List<AllocationLine> lines = allocator.allocateCredit(credit, ledger.openItems(on));
        if (lines.isEmpty()) {
            return new CreditSpent(List.of(), List.of());
        }
        List<ChargeEntry> charges = ledger.charge(lines, on);
        transferCredit(ledger, history, lines, on);
        return new CreditSpent(lines, charges);
    }

    /** Writes credit lines on the payments that left the credit, oldest first (rows −CREDIT / +bill). */
    private static void transferCredit(SubscriberLedger ledger, List<Payment> history, List<AllocationLine> lines,
                                       LocalDate on) {
        Set<Long> reversedIds = reversedIds(history);
        List<Payment> sources = history.stream()
                .filter(p -> !p.isReversal() && !reversedIds.contains(p.getId()) && p.creditBalance().isPositive())
                .toList();
        int source = 0;
        for (AllocationLine line : lines) {
            Money left = line.amount();
            while (left.isPositive()) {
                Payment from = sources.get(source);
                Money part = left.min(from.creditBalance());
                from.applyCredit(line.billId(), line.kind(), part, on);
                ledger.record(new AllocationEntry(from.getId(), null, AllocationKind.CREDIT, part.negate(), on, true));
                ledger.record(new AllocationEntry(from.getId(), line.billId(), line.kind(), part, on, true));
                left = left.minus(part);
                if (from.creditBalance().isZero()) {
                    source++;
                }
            }
        }
    }

    /** The ids of the payments a reversal in the history cancels. */
    private static Set<Long> reversedIds(List<Payment> history) {
        return history.stream().filter(Payment::isReversal).map(Payment::getReversesPaymentId)
                .collect(Collectors.toSet());
    }

    private SubscriberLedger ledger(Institution institution, long subscriberId, List<Payment> history, Read read) {
        return SubscriberLedger.of(payments.surchargeCalculator(institution.getSurchargePolicy()),
                payments.billsInForce(subscriberId),
                payments.chargesOf(subscriberId, read), history, null);
    }

    private Institution institution(long institutionId) {
        if (!tenant.scope().permits(institutionId)) {
            throw new NotFoundException("institution", institutionId);
        }
        return institutions.find(institutionId).orElseThrow(() -> new NotFoundException("institution", institutionId));
    }

    private Subscriber subscriber(long institutionId, String subscriberNo) {
        String no = trimToNull(subscriberNo);
        if (no == null || !SubscriberNo.isValid(no) || !tenant.scope().permits(institutionId)) {
            throw new DomainException("error.payment.subscriberNotFound", "subscriber not found: " + subscriberNo,
                    subscriberNo == null ? "" : subscriberNo);
        }
        return subscribers.findByNo(institutionId, SubscriberNo.of(no)).orElseThrow(() -> new DomainException(
                "error.payment.subscriberNotFound", "subscriber not found: " + no, no));
    }

    private static void requireCashier(AuthenticatedUser staff) {
        if (staff == null || !(staff.hasRole(Role.OPERATOR) || staff.hasRole(Role.COMPANY_ADMIN))) {
            throw new DomainException("error.payment.forbidden", "only operators and company admins take payments");
        }
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
