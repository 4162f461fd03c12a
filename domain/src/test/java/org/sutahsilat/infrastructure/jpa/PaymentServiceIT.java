package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.payment.AllocationLine;
import org.sutahsilat.domain.payment.OfficePayment;
import org.sutahsilat.domain.payment.OpenBill;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.domain.payment.PaymentFilter;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.payment.PaymentSummary;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.domain.payment.SubscriberLedger;
import org.sutahsilat.domain.payment.SubscriberAccount;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.Role;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.infrastructure.jpa.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment service on a real MariaDB with the real migrations: allocation with surcharge over three bills
 * (amounts computed by hand, Law 6183 at 3.7%), overpayment → credit → next bill, reversal, double submit, tenant
 * isolation, and the ledger invariant of domain.md on the stored rows after a seeded random sequence.
 */
class PaymentServiceIT {

    /** 2026-03-20 12:00 in Türkiye. */
    private static final Instant MARCH_20 = Instant.parse("2026-03-20T09:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    // ---------------------------------------------------------------- allocation

    @Test
    void aPaymentPaysTheOldestBillsSurchargeFirstThenPrincipalToTheKurus() {
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        long b1 = v.bill(0, "2026-01-15", "100.00");
        long b2 = v.bill(0, "2026-02-15", "120.00");
        long b3 = v.bill(0, "2026-03-15", "90.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);

        // on 2026-03-20: b1 2 months + 5 days: 100 × 0.037 × (2 + 5/30) = 8.0166… → 8.02
        //                b2 1 month + 5 days: 120 × 0.037 × (1 + 5/30) = 5.18
        //                b3 5 days: 90 × 0.037 × 5/30 = 0.555 → 0.56          debt 323.76
        SubscriberAccount before = inService(v.scope(), clock, s -> s.account(v.id, v.no(0)));
        assertThat(before.openBills()).extracting(b -> b.billId() + " " + b.openPrincipal() + " " + b.surchargeDue())
                .containsExactly(b1 + " 100.00 8.02", b2 + " 120.00 5.18", b3 + " 90.00 0.56");
        assertThat(before.debt()).isEqualTo(m("323.76"));

        ReceiptDocument r = inService(v.scope(), clock, s -> s.recordAtOffice(new OfficePayment(v.id, v.no(0),
                m("250.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, "k-" + UUID.randomUUID()),
                OPERATOR));

        // 108.02 + 125.18 = 233.20; 16.80 left: 0.56 surcharge and 16.24 principal of b3
        assertThat(rows(r.paymentId())).containsExactly(
                b1 + " SURCHARGE 8.02 2026-03-20", b1 + " PRINCIPAL 100.00 2026-03-20",
                b2 + " SURCHARGE 5.18 2026-03-20", b2 + " PRINCIPAL 120.00 2026-03-20",
                b3 + " SURCHARGE 0.56 2026-03-20", b3 + " PRINCIPAL 16.24 2026-03-20");
        assertThat(charges(v.subscriber(0))).containsExactly(b1 + " 8.02", b2 + " 5.18", b3 + " 0.56");
        assertThat(r.receiptNo()).isEqualTo(v.code + "-M2026-000001");
        assertThat(r.lines()).extracting(l -> l.surcharge() + "/" + l.principal())
                .containsExactly("8.02/100.00", "5.18/120.00", "0.56/16.24");
        assertThat(r.debtAfter()).isEqualTo(m("73.76"));
        assertThat(r.creditAfter()).isEqualTo(Money.ZERO);
        assertThat(r.creditKept()).isEqualTo(Money.ZERO);
        assertThat(r.maskedName()).isEqualTo("Ab*** 1***");
        assertThat(r.staffName()).isEqualTo("Kasa Görevlisi Ömer");

        SubscriberAccount after = inService(v.scope(), clock, s -> s.account(v.id, v.no(0)));
        assertThat(after.openBills()).extracting(b -> b.billId() + " " + b.openPrincipal() + " " + b.surchargeDue())
                .containsExactly(b3 + " 73.76 0.00");
        assertThat(after.debt()).isEqualTo(m("73.76"));
        assertThat(audit(v.id, "PAYMENT_RECORDED")).isEqualTo(1);
        LedgerCheck.check(v.id);
    }

    @Test
    void anOverpaymentBecomesCreditThatTheNextBillConsumes() {
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        v.bill(0, "2026-01-15", "100.00");
        v.bill(0, "2026-02-15", "120.00");
        v.bill(0, "2026-03-15", "90.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);

        ReceiptDocument r = record(v, clock, 0, "400.00", "2026-03-20");
        assertThat(r.creditKept()).isEqualTo(m("76.24"));   // 400.00 − 323.76
        assertThat(r.debtAfter()).isEqualTo(Money.ZERO);
        assertThat(r.creditAfter()).isEqualTo(m("76.24"));

        // the next bill, due in April, is paid from the credit: 50.00 of 76.24
        long b4 = v.bill(0, "2026-04-05", "50.00");
        List<AllocationLine> spent = inService(v.scope(), clock, s -> s.applyCredit(v.id, v.subscriber(0), null));
        assertThat(spent).extracting(l -> l.billId() + " " + l.kind() + " " + l.amount())
                .containsExactly(b4 + " PRINCIPAL 50.00");
        SubscriberAccount account = inService(v.scope(), clock, s -> s.account(v.id, v.no(0)));
        assertThat(account.openBills()).isEmpty();
        assertThat(account.credit()).isEqualTo(m("26.24"));
        // the rows sit on the payment that left the credit: −CREDIT and +PRINCIPAL of the same amount
        assertThat(rows(r.paymentId())).endsWith("null CREDIT 76.24 2026-03-20", "null CREDIT -50.00 2026-03-20",
                b4 + " PRINCIPAL 50.00 2026-03-20");

        // a later bill and a payment: the rest of the credit (26.24) is spent first, then 33.76 of the 40.00
        long b5 = v.bill(0, "2026-04-10", "60.00");
        ReceiptDocument next = record(v, clock, 0, "40.00", "2026-03-20");
        assertThat(rows(next.paymentId())).containsExactly(b5 + " PRINCIPAL 33.76 2026-03-20",
                "null CREDIT 6.24 2026-03-20");
        assertThat(next.creditAfter()).isEqualTo(m("6.24"));
        assertThat(next.debtAfter()).isEqualTo(Money.ZERO);
        assertThat(inService(v.scope(), clock, s -> s.account(v.id, v.no(0))).credit()).isEqualTo(m("6.24"));
        LedgerCheck.check(v.id);
    }

    // ---------------------------------------------------------------- reversal

    @Test
    void aReversalIsACompensatingEntryAndTheDebtComesBackExactly() {
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        v.bill(0, "2026-01-15", "100.00");
        v.bill(0, "2026-02-15", "120.00");
        v.bill(0, "2026-03-15", "90.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        ReceiptDocument paid = record(v, clock, 0, "250.00", "2026-03-20");
        List<String> original = rows(paid.paymentId());

        ReceiptDocument reversal = inService(v.scope(), clock, s -> s.reverse(paid.paymentId(), "Yanlış abone", OPERATOR));

        assertThat(reversal.reversal()).isTrue();
        assertThat(reversal.amount()).isEqualTo(m("-250.00"));
        assertThat(reversal.reversalReceiptNo()).isEqualTo(paid.receiptNo());
        assertThat(reversal.receiptNo()).isEqualTo(v.code + "-M2026-000002");
        assertThat(rows(paid.paymentId())).as("the original is never edited").isEqualTo(original);
        assertThat(rows(reversal.paymentId())).containsExactlyElementsOf(original.stream()
                .map(row -> row.replace(" 8.02", " -8.02").replace(" 100.00", " -100.00").replace(" 5.18", " -5.18")
                        .replace(" 120.00", " -120.00").replace(" 0.56", " -0.56").replace(" 16.24", " -16.24"))
                .toList());
        SubscriberAccount account = inService(v.scope(), clock, s -> s.account(v.id, v.no(0)));
        assertThat(account.debt()).isEqualTo(m("323.76"));
        assertThat(account.credit()).isEqualTo(Money.ZERO);
        assertThat(reversal.debtAfter()).isEqualTo(m("323.76"));
        ReceiptDocument reprinted = inService(v.scope(), clock, s -> s.receipt(paid.paymentId()));
        assertThat(reprinted.reversed()).isTrue();
        assertThat(reprinted.reversalReason()).isEqualTo("Yanlış abone");
        assertThat(reprinted.reversalReceiptNo()).isEqualTo(reversal.receiptNo());
        assertThat(audit(v.id, "PAYMENT_REVERSED")).isEqualTo(1);

        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.reverse(paid.paymentId(), "again", OPERATOR)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("error.payment.alreadyReversed");
        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.reverse(reversal.paymentId(), "x", OPERATOR)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("error.payment.notReversible");
        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.reverse(paid.paymentId(), "  ", OPERATOR)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isIn("error.payment.reasonRequired", "error.payment.alreadyReversed");
        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.reverse(paid.paymentId(), "x", READER)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("error.payment.forbidden");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + v.id)).isEqualTo(2);
        LedgerCheck.check(v.id);
    }

    @Test
    void reversingAPaymentWhoseCreditPaidALaterBillReopensThatBillToo() {
        Village v = Village.create(InstitutionKind.VILLAGE, "NONE", 1);
        v.bill(0, "2026-03-01", "80.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        ReceiptDocument paid = record(v, clock, 0, "100.00", "2026-03-20");
        long later = v.bill(0, "2026-04-01", "15.00");
        inService(v.scope(), clock, s -> s.applyCredit(v.id, v.subscriber(0), null));
        assertThat(inService(v.scope(), clock, s -> s.account(v.id, v.no(0))).debt()).isEqualTo(Money.ZERO);

        inService(v.scope(), clock, s -> s.reverse(paid.paymentId(), "Sahte para", OPERATOR));

        SubscriberAccount account = inService(v.scope(), clock, s -> s.account(v.id, v.no(0)));
        assertThat(account.debt()).isEqualTo(m("95.00"));
        assertThat(account.credit()).isEqualTo(Money.ZERO);
        assertThat(account.openBills()).extracting(b -> b.billId() == later ? "later " + b.openPrincipal() : "first")
                .contains("later 15.00");
        LedgerCheck.check(v.id);
    }

    // ---------------------------------------------------------------- concurrent cashiers

    /** Postings of different subscribers at the same moment (several cashiers, card callbacks) all go through. */
    @Test
    void neighbouringSubscribersPaidAtTheSameMomentAllGoThrough() throws Exception {
        int n = 16;
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", n);
        for (int i = 0; i < n; i++) {
            v.bill(i, "2026-01-15", "100.00");
        }
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Long>> paid = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                OfficePayment form = new OfficePayment(v.id, v.no(i), m("40.00"), PaymentChannel.CASH,
                        LocalDate.parse("2026-03-20"), null, "form-" + UUID.randomUUID());
                paid.add(pool.submit(() -> {
                    start.await();
                    return inService(v.scope(), clock, s -> s.recordAtOffice(form, OPERATOR)).paymentId();
                }));
            }
            start.countDown();
            for (Future<Long> f : paid) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + v.id)).isEqualTo(n);
        LedgerCheck.check(v.id);
    }

    // ---------------------------------------------------------------- double submit

    @Test
    void theSameFormSubmittedTwiceRecordsOnePayment() throws Exception {
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        v.bill(0, "2026-01-15", "100.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        OfficePayment form = new OfficePayment(v.id, v.no(0), m("50.00"), PaymentChannel.CASH,
                LocalDate.parse("2026-03-20"), null, "form-" + UUID.randomUUID());

        ReceiptDocument first = inService(v.scope(), clock, s -> s.recordAtOffice(form, OPERATOR));
        ReceiptDocument again = inService(v.scope(), clock, s -> s.recordAtOffice(form, OPERATOR));
        assertThat(again.paymentId()).isEqualTo(first.paymentId());
        assertThat(again.receiptNo()).isEqualTo(first.receiptNo());

        // two requests at the same moment (a double click reaching two threads)
        OfficePayment twice = new OfficePayment(v.id, v.no(0), m("20.00"), PaymentChannel.CASH,
                LocalDate.parse("2026-03-20"), null, "form-" + UUID.randomUUID());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Long> submit = () -> {
                start.await();
                return inService(v.scope(), clock, s -> s.recordAtOffice(twice, OPERATOR)).paymentId();
            };
            Future<Long> a = pool.submit(submit);
            Future<Long> b = pool.submit(submit);
            start.countDown();
            assertThat(a.get()).isEqualTo(b.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + v.id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE p.institution_id = " + v.id + " AND a.kind = 'PRINCIPAL'")).isEqualTo(2);
        assertThat(audit(v.id, "PAYMENT_RECORDED")).isEqualTo(2);
        // the same key with another amount is refused, not silently ignored
        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.recordAtOffice(new OfficePayment(v.id, v.no(0),
                m("51.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, form.idempotencyKey()),
                OPERATOR))).extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.payment.keyReused");
        LedgerCheck.check(v.id);
    }

    @Test
    void badInputIsRefusedWithAKeyAndWritesNothing() {
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        v.bill(0, "2026-01-15", "100.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        record(v, clock, 0, "10.00", "2026-03-18");
        String transfer = "EFT-" + v.id;
        inService(v.scope(), clock, s -> s.recordAtOffice(new OfficePayment(v.id, v.no(0), m("5.00"),
                PaymentChannel.BANK, LocalDate.parse("2026-03-19"), transfer, null), OPERATOR));
        Map<String, OfficePayment> bad = new LinkedHashMap<>();
        bad.put("error.payment.referenceUsed", new OfficePayment(v.id, v.no(0), m("5.00"), PaymentChannel.BANK,
                LocalDate.parse("2026-03-20"), transfer, null));
        bad.put("error.payment.amount", office(v, "0.00", PaymentChannel.CASH, "2026-03-20"));
        bad.put("error.payment.futureDate", office(v, "10.00", PaymentChannel.CASH, "2026-03-21"));
        bad.put("error.payment.dateBeforeLastPosting", office(v, "10.00", PaymentChannel.CASH, "2026-03-17"));
        bad.put("error.payment.channel", office(v, "10.00", PaymentChannel.CARD, "2026-03-20"));
        bad.put("error.payment.subscriberNotFound", new OfficePayment(v.id, "99999999", m("10.00"),
                PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, null));
        long before = count("SELECT COUNT(*) FROM payment WHERE institution_id = " + v.id);
        long chargesBefore = count("SELECT COUNT(*) FROM surcharge_charge WHERE institution_id = " + v.id);
        bad.forEach((key, form) -> assertThatThrownBy(() -> inService(v.scope(), clock,
                s -> s.recordAtOffice(form, OPERATOR))).as(key)
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key));
        assertThat(count("SELECT COUNT(*) FROM payment WHERE institution_id = " + v.id)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM surcharge_charge WHERE institution_id = " + v.id))
                .isEqualTo(chargesBefore).isPositive();
        assertThatThrownBy(() -> inService(v.scope(), clock, s -> s.recordAtOffice(
                office(v, "10.00", PaymentChannel.CASH, "2026-03-20"), READER)))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.payment.forbidden");
    }

    // ---------------------------------------------------------------- tenant isolation

    @Test
    void anotherInstitutionsSubscriberAndPaymentAreNotFoundAndNothingIsWritten() {
        Village a = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 1);
        Village b = Village.create(InstitutionKind.MUNICIPALITY, "NONE", 1);
        a.bill(0, "2026-02-15", "40.00");
        long billB = b.bill(0, "2026-02-15", "70.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        ReceiptDocument paidB = record(b, clock, 0, "30.00", "2026-03-20");
        long payments = count("SELECT COUNT(*) FROM payment");
        long allocations = count("SELECT COUNT(*) FROM payment_allocation");
        long audits = count("SELECT COUNT(*) FROM audit_log");

        TenantScope onlyA = a.scope();
        // B's institution with B's number, A's institution with B's number, B's subscriber id, B's payment id
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.recordAtOffice(new OfficePayment(b.id, b.no(0),
                m("70.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, null), OPERATOR)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.recordAtOffice(new OfficePayment(a.id, b.no(0),
                m("70.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, null), OPERATOR)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.record(new PaymentCommand(a.id, b.subscriber(0),
                m("70.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, null, null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.record(new PaymentCommand(b.id, b.subscriber(0),
                m("70.00"), PaymentChannel.CASH, LocalDate.parse("2026-03-20"), null, null, null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.reverse(paidB.paymentId(), "x", OPERATOR)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.receipt(paidB.paymentId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.account(b.id, b.no(0))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> inService(onlyA, clock, s -> s.applyCredit(b.id, b.subscriber(0), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(inService(onlyA, clock, s -> s.list(PaymentFilter.none(), PageRequest.first(500))).items())
                .extracting(PaymentSummary::institutionId).doesNotContain(b.id);
        assertThat(inService(onlyA, clock, s -> s.list(new PaymentFilter(b.id, null, null, null, null, null),
                PageRequest.first(500))).total()).isZero();
        assertThat(inService(TenantScope.none(), clock, s -> s.list(PaymentFilter.none(), PageRequest.first(10)))
                .total()).isZero();

        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(count("SELECT COUNT(*) FROM payment_allocation")).isEqualTo(allocations);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);
        assertThat(count("SELECT COUNT(*) FROM payment_allocation WHERE bill_id = " + billB)).isEqualTo(1);
    }

    @Test
    void theListFiltersByDayChannelSubscriberAndReversal() {
        Village v = Village.create(InstitutionKind.VILLAGE, "NONE", 2);
        v.bill(0, "2026-03-01", "500.00");
        v.bill(1, "2026-03-01", "500.00");
        Clock clock = Clock.fixed(MARCH_20, ZoneOffset.UTC);
        ReceiptDocument p1 = record(v, clock, 0, "10.00", "2026-03-18");
        ReceiptDocument p2 = inService(v.scope(), clock, s -> s.recordAtOffice(new OfficePayment(v.id, v.no(1),
                m("20.00"), PaymentChannel.BANK, LocalDate.parse("2026-03-20"), "EFT-" + UUID.randomUUID(), null),
                OPERATOR));
        ReceiptDocument r1 = inService(v.scope(), clock, s -> s.reverse(p1.paymentId(), "Hata", OPERATOR));

        Function<PaymentFilter, List<Long>> ids = f -> inService(v.scope(), clock,
                s -> s.list(f, new PageRequest(0, 50, "receiptNo", true))).items().stream()
                .map(PaymentSummary::id).toList();
        assertThat(ids.apply(new PaymentFilter(v.id, null, null, null, null, null)))
                .containsExactly(p1.paymentId(), p2.paymentId(), r1.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, LocalDate.parse("2026-03-19"), null, null, null, null)))
                .containsExactly(p2.paymentId(), r1.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, null, LocalDate.parse("2026-03-18"), null, null, null)))
                .containsExactly(p1.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, null, null, PaymentChannel.BANK, null, null)))
                .containsExactly(p2.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, null, null, null, v.no(1), null)))
                .containsExactly(p2.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, null, null, null, null, true)))
                .containsExactly(p1.paymentId(), r1.paymentId());
        assertThat(ids.apply(new PaymentFilter(v.id, null, null, null, null, false)))
                .containsExactly(p2.paymentId());
        PaymentSummary row = inService(v.scope(), clock, s -> s.list(new PaymentFilter(v.id, null, null,
                PaymentChannel.BANK, null, null), PageRequest.first(5))).items().get(0);
        assertThat(row.maskedName()).isEqualTo("Ab*** 2***");
        assertThat(row.staffName()).isEqualTo("Kasa Görevlisi Ömer");
        assertThat(row.amount()).isEqualTo(m("20.00"));
        assertThat(row.reversible()).isTrue();
        assertThat(inService(v.scope(), clock, s -> s.list(new PaymentFilter(v.id, null, null, null, null, null),
                new PageRequest(1, 1, "amount", false))).items()).extracting(PaymentSummary::id)
                .containsExactly(p1.paymentId());
    }

    // ---------------------------------------------------------------- the invariant after a random sequence

    @Test
    void theLedgerInvariantHoldsOnTheStoredRowsAfterARandomSequence() {
        long seed = Long.getLong("payment.seed", 20261128L);
        Random random = new Random(seed);
        Village v = Village.create(InstitutionKind.VILLAGE, "LAW_6183", 3);
        Village w = Village.create(InstitutionKind.MUNICIPALITY, "NONE", 1);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-02T09:00:00Z"));
        List<Long> paymentsInForce = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            for (int i = 0; i < 3; i++) {
                v.bill(i, LocalDate.of(2026, month, 10).toString(), Money.ofKurus(1000 + random.nextInt(30000)).toString());
            }
            w.bill(0, LocalDate.of(2026, month, 10).toString(), Money.ofKurus(1000 + random.nextInt(30000)).toString());
            for (int step = 0; step < 6; step++) {
                clock.plusDays(1 + random.nextInt(4));
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Istanbul"));
                int action = random.nextInt(10);
                Village target = random.nextInt(4) == 0 ? w : v;
                int who = target == w ? 0 : random.nextInt(3);
                try {
                    if (action < 6) {
                        Money amount = Money.ofKurus(1 + random.nextInt(action == 0 ? 90000 : 25000));
                        ReceiptDocument r = inService(target.scope(), clock, s -> s.recordAtOffice(new OfficePayment(
                                target.id, target.no(who), amount, PaymentChannel.CASH, today, null,
                                "rnd-" + UUID.randomUUID()), OPERATOR));
                        paymentsInForce.add(r.paymentId());
                    } else if (action < 8 && !paymentsInForce.isEmpty()) {
                        long id = paymentsInForce.remove(random.nextInt(paymentsInForce.size()));
                        inService(TenantScope.all(), clock, s -> s.reverse(id, "rastgele", OPERATOR));
                    } else {
                        inService(target.scope(), clock, s -> s.applyCredit(target.id, target.subscriber(who), null));
                    }
                } catch (DomainException e) {
                    throw new AssertionError("seed " + seed + ", month " + month + ", step " + step + ": " + e, e);
                }
                LedgerCheck.check(v.id);
                LedgerCheck.check(w.id);
                QrPageCheck.check(v, w.id, clock);
                QrPageCheck.check(w, v.id, clock);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE reverses_payment_id IS NOT NULL AND institution_id IN ("
                + v.id + ", " + w.id + ")")).as("the sequence reversed something").isPositive();
        assertThat(count("SELECT COUNT(*) FROM surcharge_charge WHERE institution_id = " + v.id))
                .as("the sequence charged surcharge").isPositive();
        assertThat(count("SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE p.institution_id = " + v.id + " AND a.kind = 'CREDIT' AND a.amount < 0"
                + " AND p.reverses_payment_id IS NULL")).as("the sequence spent credit").isPositive();
    }

    /**
     * The QR page reads one bill's rows only ({@link QrBillService}); for every bill in force it must show what the
     * subscriber's whole ledger says of that bill today: the open principal and the surcharge due. Another
     * institution's token never reaches the bill.
     */
    static final class QrPageCheck {

        static void check(Village v, long otherInstitutionId, Clock clock) {
            for (int who = 0; who < v.subscribers.size(); who++) {
                int subscriber = who;
                SubscriberAccount account = inService(v.scope(), clock, s -> s.account(v.id, v.no(subscriber)));
                Map<Long, OpenBill> open = new LinkedHashMap<>();
                account.openBills().forEach(b -> open.put(b.billId(), b));
                for (Object id : TestDatabase.column("SELECT id FROM bill WHERE subscriber_id = ? AND status = 'ISSUED'"
                        + " ORDER BY id", v.subscribers.get(who))) {
                    long billId = ((Number) id).longValue();
                    QrBillService.QrBill page = TestDatabase.inTransaction(em -> qrBills(em, clock)
                            .page(v.id, billId)).orElseThrow(() -> new AssertionError("no QR page for " + billId));
                    OpenBill expected = open.get(billId);
                    Money principal = expected == null ? Money.ZERO : expected.openPrincipal();
                    Money surcharge = expected == null ? Money.ZERO : expected.surchargeDue();
                    assertThat(page.bill().balance().open()).as("open principal of bill %d", billId)
                            .isEqualTo(principal);
                    assertThat(page.surchargeDue()).as("surcharge due on bill %d", billId).isEqualTo(surcharge);
                    assertThat(page.bill().subscriberNo()).isEqualTo(v.no(subscriber));
                    SubscriberLedger.BillRows rows = TestDatabase.inTransaction(em -> new JpaPaymentRepository(em,
                            new FixedTenantContext(v.scope())).billRows(v.id, billId));
                    assertThat(rows.charges().stream().map(SubscriberLedger.ChargeEntry::amount)
                            .reduce(Money.ZERO, Money::plus).amount()).as("surcharge charged on bill %d", billId)
                            .isEqualByComparingTo(TestDatabase.number("SELECT COALESCE(SUM(amount), 0)"
                                    + " FROM surcharge_charge WHERE bill_id = ?", billId));
                    assertThat(rows.allocations()).as("rows on bill %d", billId)
                            .hasSize((int) count("SELECT COUNT(*) FROM payment_allocation WHERE bill_id = " + billId));
                    Optional<QrBillService.QrBill> elsewhere = TestDatabase.inTransaction(em -> qrBills(em, clock)
                            .page(otherInstitutionId, billId));
                    assertThat(elsewhere).as("another institution's token").isEmpty();
                }
            }
        }

        private static QrBillService qrBills(EntityManager em, Clock clock) {
            FixedTenantContext tenant = new FixedTenantContext(TenantScope.none());
            return new QrBillService(new JpaBillRepository(em, tenant), new JpaPaymentRepository(em, tenant), tenant,
                    clock);
        }

    }

    /**
     * The ledger invariant of domain.md, on the stored rows, per subscriber and per institution: Σ accruals (bill
     * totals + surcharge charged) − Σ allocated to bills − Σ credit = Σ open items − unspent credit = Σ accruals −
     * Σ cash received; plus: each payment's rows sum to its amount, 0 ≤ open principal ≤ total, open surcharge ≥ 0,
     * money only reaches the payer's bills, no subscriber has negative credit.
     */
    static final class LedgerCheck {

        static void check(long institutionId) {
            Map<Long, BigDecimal[]> bySubscriber = new LinkedHashMap<>();
            sum(bySubscriber, 0, "SELECT b.subscriber_id, SUM(b.total) FROM bill b WHERE b.institution_id = ?"
                    + " AND b.status = 'ISSUED' GROUP BY b.subscriber_id", institutionId);
            sum(bySubscriber, 0, "SELECT c.subscriber_id, SUM(c.amount) FROM surcharge_charge c"
                    + " WHERE c.institution_id = ? GROUP BY c.subscriber_id", institutionId);
            sum(bySubscriber, 1, "SELECT p.subscriber_id, SUM(a.amount) FROM payment_allocation a JOIN payment p"
                    + " ON p.id = a.payment_id WHERE p.institution_id = ? AND a.bill_id IS NOT NULL"
                    + " GROUP BY p.subscriber_id", institutionId);
            sum(bySubscriber, 2, "SELECT p.subscriber_id, SUM(a.amount) FROM payment_allocation a JOIN payment p"
                    + " ON p.id = a.payment_id WHERE p.institution_id = ? AND a.kind = 'CREDIT'"
                    + " GROUP BY p.subscriber_id", institutionId);
            sum(bySubscriber, 3, "SELECT p.subscriber_id, SUM(p.amount) FROM payment p WHERE p.institution_id = ?"
                    + " GROUP BY p.subscriber_id", institutionId);
            // open items, grouped by the bills' owner: principal and charged surcharge still open
            sum(bySubscriber, 4, "SELECT b.subscriber_id, SUM(b.total"
                    + " - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id"
                    + " AND a.kind = 'PRINCIPAL'), 0)"
                    + " + COALESCE((SELECT SUM(c.amount) FROM surcharge_charge c WHERE c.bill_id = b.id), 0)"
                    + " - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id"
                    + " AND a.kind = 'SURCHARGE'), 0)) FROM bill b WHERE b.institution_id = ? AND b.status = 'ISSUED'"
                    + " GROUP BY b.subscriber_id", institutionId);
            BigDecimal[] institution = zero();
            for (Map.Entry<Long, BigDecimal[]> e : bySubscriber.entrySet()) {
                balanced("subscriber " + e.getKey(), e.getValue());
                assertThat(e.getValue()[2].signum()).as("credit of subscriber " + e.getKey()).isGreaterThanOrEqualTo(0);
                for (int i = 0; i < institution.length; i++) {
                    institution[i] = institution[i].add(e.getValue()[i]);
                }
            }
            balanced("institution " + institutionId, institution);

            assertThat(count("SELECT COUNT(*) FROM payment p WHERE p.institution_id = " + institutionId
                    + " AND p.amount <> (SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocation a"
                    + " WHERE a.payment_id = p.id)")).as("payments whose rows do not sum to the amount").isZero();
            assertThat(count("SELECT COUNT(*) FROM bill b WHERE b.institution_id = " + institutionId + " AND ("
                    + " b.total - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id"
                    + " AND a.kind = 'PRINCIPAL'), 0) NOT BETWEEN 0 AND b.total"
                    + " OR COALESCE((SELECT SUM(c.amount) FROM surcharge_charge c WHERE c.bill_id = b.id), 0)"
                    + " < COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id"
                    + " AND a.kind = 'SURCHARGE'), 0))")).as("bills with open amounts out of range").isZero();
            assertThat(count("SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                    + " JOIN bill b ON b.id = a.bill_id WHERE p.institution_id = " + institutionId
                    + " AND (b.subscriber_id <> p.subscriber_id OR b.institution_id <> p.institution_id)"))
                    .as("money on somebody else's bill").isZero();
        }

        /** [accruals, allocated to bills, credit, cash, open items]. */
        private static void balanced(String who, BigDecimal[] t) {
            BigDecimal journal = t[0].subtract(t[1]).subtract(t[2]);
            BigDecimal open = t[4].subtract(t[2]);
            BigDecimal cashView = t[0].subtract(t[3]);
            assertThat(journal).as(who + ": accruals − allocated − credit vs open items − credit").isEqualByComparingTo(open);
            assertThat(journal).as(who + ": accruals − allocated − credit vs accruals − cash").isEqualByComparingTo(cashView);
        }

        private static BigDecimal[] zero() {
            return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        }

        private static void sum(Map<Long, BigDecimal[]> into, int slot, String sql, long institutionId) {
            try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, institutionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal[] t = into.computeIfAbsent(rs.getLong(1), k -> zero());
                        t[slot] = t[slot].add(rs.getBigDecimal(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static final AuthenticatedUser OPERATOR = new AuthenticatedUser(staffUser("kasa"), "kasa", "Kasa Görevlisi",
            Set.of(Role.OPERATOR), TenantScope.all());
    static final AuthenticatedUser READER = new AuthenticatedUser(staffUser("okuyucu"), "okuyucu", "Okuyucu",
            Set.of(Role.READER), TenantScope.all());

    private static long staffUser(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_user (username, full_name, password_hash, password_changed_at, created_at)"
                        + " VALUES (?, 'Kasa Görevlisi Ömer', 'x', NOW(), NOW())", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Money m(String amount) {
        return Money.of(amount);
    }

    private static OfficePayment office(Village v, String amount, PaymentChannel channel, String on) {
        return new OfficePayment(v.id, v.no(0), m(amount), channel, LocalDate.parse(on), null, null);
    }

    private static ReceiptDocument record(Village v, Clock clock, int who, String amount, String on) {
        return inService(v.scope(), clock, s -> s.recordAtOffice(new OfficePayment(v.id, v.no(who), m(amount),
                PaymentChannel.CASH, LocalDate.parse(on), null, "k-" + UUID.randomUUID()), OPERATOR));
    }

    static PaymentService service(EntityManager em, TenantScope scope, Clock clock) {
        FixedTenantContext tenant = new FixedTenantContext(scope);
        return new PaymentService(new JpaPaymentRepository(em, tenant), new JpaSubscriberRepository(em, tenant),
                new JpaInstitutionRepository(em, tenant), new JpaAuditLog(em), tenant, clock);
    }

    static <T> T inService(TenantScope scope, Clock clock, Function<PaymentService, T> work) {
        return TestDatabase.inTransaction(em -> work.apply(service(em, scope, clock)));
    }

    /** "bill kind amount date" of a payment's rows in id order. */
    private static List<String> rows(long paymentId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT bill_id, kind, amount, allocated_on FROM payment_allocation WHERE payment_id = ? ORDER BY seq, id")) {
            ps.setLong(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object bill = rs.getObject(1);
                    rows.add(bill + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
                            + rs.getDate(4).toLocalDate());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> charges(long subscriberId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT bill_id, amount FROM surcharge_charge WHERE subscriber_id = ? ORDER BY bill_id, id")) {
            ps.setLong(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getBigDecimal(2).toPlainString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static long audit(long institutionId, String action) {
        return count("SELECT COUNT(*) FROM audit_log WHERE institution_id = " + institutionId + " AND action = '"
                + action + "'");
    }


    /** A clock the random sequence moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void plusDays(int days) {
            now = now.plusSeconds(86_400L * days);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An institution with subscribers "Abone 1", "Abone 2", … and bills inserted as a billing run would. */
    static final class Village {
        final long id;
        final String code;
        final List<Long> subscribers = new ArrayList<>();
        final List<String> numbers = new ArrayList<>();
        private int billSeq;

        private Village(long id, String code) {
            this.id = id;
            this.code = code;
        }

        static Village create(InstitutionKind kind, String surchargePolicy, int subscriberCount) {
            String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            Village v = TestDatabase.inTransaction(em -> {
                Institution institution = Institution.register(code, "Tahsilat Köyü " + code, kind, "Bolu",
                        "Mudurnu", now);
                em.persist(institution);
                em.flush();
                Village created = new Village(institution.getId(), code);
                for (int i = 1; i <= subscriberCount; i++) {
                    String no = String.valueOf(700_000_000L + RANDOM.nextInt(99_999_999));
                    Subscriber s = Subscriber.register(created.id, SubscriberNo.of(no), "Abone " + i,
                            SubscriberCategory.RESIDENTIAL, PaymentCode.generate(RANDOM), now);
                    em.persist(s);
                    em.flush();
                    created.subscribers.add(s.getId());
                    created.numbers.add(no);
                }
                return created;
            });
            TestDatabase.sql("UPDATE institution SET surcharge_policy = '" + surchargePolicy + "' WHERE id = " + v.id);
            return v;
        }

        TenantScope scope() {
            return TenantScope.of(id);
        }

        long subscriber(int i) {
            return subscribers.get(i);
        }

        String no(int i) {
            return numbers.get(i);
        }

        long bill(int subscriber, String dueDate, String total) {
            LocalDate due = LocalDate.parse(dueDate);
            try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bill (institution_id, subscriber_id, bill_no, period, issue_date, due_date,"
                            + " consumption_m3, total, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 10, ?, 'ISSUED',"
                            + " NOW())", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, id);
                ps.setLong(2, subscribers.get(subscriber));
                ps.setString(3, code + "-F" + (++billSeq));
                ps.setString(4, due.minusMonths(1).toString().substring(0, 7));
                ps.setObject(5, due.minusDays(15));
                ps.setObject(6, due);
                ps.setBigDecimal(7, new BigDecimal(total));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
