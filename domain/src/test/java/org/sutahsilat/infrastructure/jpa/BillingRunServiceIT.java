package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillReissue;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.billing.BillingRunProgress;
import org.sutahsilat.domain.billing.BillingRunService;
import org.sutahsilat.domain.billing.ChunkListener;
import org.sutahsilat.domain.billing.BillingRunStatus;
import org.sutahsilat.domain.billing.SkipReason;
import org.sutahsilat.domain.billing.SkippedSubscriber;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.WastewaterMode;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.billing.CreditSettlement;
import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.payment.PaymentCommand;
import org.sutahsilat.infrastructure.jdbc.JdbcBillingRunStore;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.infrastructure.jpa.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Billing runs on a real MariaDB with the real migrations: exactly once, resumable, concurrent, tenant-scoped. */
class BillingRunServiceIT {

    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    private static final BillingPeriod MARCH = BillingPeriod.of(2026, 3);
    private static final LocalDate READ_ON = LocalDate.of(2026, 3, 5);

    private static BillingRunService service(long... scope) {
        return service(new JpaCreditSettlement(), scope);
    }

    private static BillingRunService service(CreditSettlement credits, long... scope) {
        TenantScope s = scope.length == 0 ? TenantScope.all()
                : TenantScope.of(LongStream.of(scope).boxed().toList());
        return new BillingRunService(new ResourceLocalChunkTransactions(TestDatabase.emf()), new JdbcBillingRunStore(),
                credits, new FixedTenantContext(s), Clock.fixed(NOW, ZoneOffset.UTC), 4);
    }

    @Test
    void billsEverySubscriberWithAReadingExactlyOnceAtTheWorkedExampleTotals() {
        Village v = Village.create(10, 19);
        long noReading = v.subscriber(SubscriberCategory.RESIDENTIAL, "ACTIVE");
        long noTariff = v.subscriber(SubscriberCategory.COMMERCIAL, "ACTIVE");
        v.reading(noTariff, 5);
        long closedWithoutReading = v.subscriber(SubscriberCategory.RESIDENTIAL, "CLOSED");

        BillingRunProgress done = service().start(v.id, MARCH);

        assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(done.totalSubscribers()).isEqualTo(12);
        assertThat(done.processed()).isEqualTo(12);
        assertThat(done.billsCreated()).isEqualTo(10);
        assertThat(done.skipped()).isEqualTo(2);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.finishedAt()).isEqualTo(NOW);

        List<BillRow> bills = bills(v.id);
        assertThat(bills).hasSize(10);
        assertThat(bills).extracting(BillRow::subscriberId).doesNotHaveDuplicates()
                .containsExactlyElementsOf(v.billable).doesNotContain(noReading, noTariff, closedWithoutReading);
        // village, progressive 0–8 @ 4, 8–16 @ 6, above 16 @ 9, fixed fee 10, no KDV; 19 m³: 107.00 + 10.00
        assertThat(bills).allSatisfy(b -> {
            assertThat(b.total()).isEqualByComparingTo("117.00");
            assertThat(b.lineSum()).isEqualByComparingTo("117.00");
            assertThat(b.lines()).isEqualTo(4);
            // read on 03-05, billed on 03-20 (the run's day): dated the day made, due 15 days later, never born late
            assertThat(b.issueDate()).isEqualTo(LocalDate.of(2026, 3, 20));
            assertThat(b.dueDate()).isEqualTo(LocalDate.of(2026, 4, 4));
            assertThat(b.paymentCode()).isEqualTo(v.paymentCode(b.subscriberId()));
            assertThat(b.status()).isEqualTo("ISSUED");
        });
        assertThat(bills.get(0).billNo()).isEqualTo(v.code + "-2026-000001");
        assertNumbersAreOneToN(v, 10);

        assertThat(service().skipped(done.runId())).containsExactly(
                new SkippedSubscriber(noReading, "9" + noReading, SkipReason.NO_READING, null),
                new SkippedSubscriber(noTariff, "9" + noTariff, SkipReason.NO_TARIFF, "COMMERCIAL"));
    }

    @Test
    void aMunicipalityBillHasWastewaterCtvAndKdvToTheKurus() {
        Village town = Village.create(InstitutionKind.MUNICIPALITY, 3, 13);
        service(town.id).start(town.id, MARCH);
        List<BillRow> bills = bills(town.id);
        assertThat(bills).hasSize(3);
        // water 290.00, wastewater 145.00, ÇTV 7.80, KDV 2.90 + 14.50
        assertThat(bills).allSatisfy(b -> {
            assertThat(b.total()).isEqualByComparingTo("460.20");
            assertThat(b.lineSum()).isEqualByComparingTo("460.20");
            assertThat(b.lines()).isEqualTo(6);
        });
        assertThat(lineKinds(bills.get(0).id())).containsExactly("WATER", "WATER", "WASTEWATER", "CTV", "KDV", "KDV");
    }

    @Test
    void startingACompletedRunAgainCreatesNothing() {
        Village v = Village.create(6, 19);
        BillingRunProgress first = service().start(v.id, MARCH);
        long bills = count("SELECT COUNT(*) FROM bill WHERE institution_id = " + v.id);
        long lines = count("SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.institution_id = "
                + v.id);

        v.reading(v.subscriber(SubscriberCategory.RESIDENTIAL, "ACTIVE"), 3); // even a late reading: the run is closed
        BillingRunProgress again = service().start(v.id, MARCH);

        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(again.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(again.billsCreated()).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + v.id)).isEqualTo(bills);
        assertThat(count("SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.institution_id = "
                + v.id)).isEqualTo(lines);
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + v.id)).isEqualTo(1);
    }

    /** Stands for kill -9: not an exception the service can catch and record, so the run stays RUNNING. */
    private static final class Killed extends Error {
    }

    @Test
    void aRunKilledHalfwayAndRestartedBillsEveryoneOnceWithNoGapInTheNumbers() {
        Village v = Village.create(22, 19); // chunks of 4: six chunks
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> service().start(v.id, MARCH, p -> {
            if (chunks.incrementAndGet() == 2) {
                throw new Killed();
            }
        })).isInstanceOf(Killed.class);
        BillingRunProgress halfway = service().find(v.id, MARCH).orElseThrow();
        assertThat(halfway.status()).isEqualTo(BillingRunStatus.RUNNING);
        assertThat(halfway.processed()).isEqualTo(8);
        assertThat(halfway.percent()).isEqualTo(36);
        assertThat(halfway.isStalled(NOW.plusSeconds(600), java.time.Duration.ofMinutes(2))).isTrue();
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + v.id)).isEqualTo(8);

        // a second failure, this time an error the service sees: FAILED with the reason, numbers still consecutive
        chunks.set(0);
        assertThatThrownBy(() -> service().start(v.id, MARCH, p -> {
            if (chunks.incrementAndGet() == 2) {
                throw new IllegalStateException("disk full");
            }
        })).hasMessage("disk full");
        BillingRunProgress failed = service().find(v.id, MARCH).orElseThrow();
        assertThat(failed.status()).isEqualTo(BillingRunStatus.FAILED);
        assertThat(failed.lastError()).contains("disk full");
        assertThat(failed.processed()).isEqualTo(16);

        BillingRunProgress done = service().start(v.id, MARCH);
        assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(done.processed()).isEqualTo(22);
        assertThat(done.billsCreated()).isEqualTo(22);
        assertThat(done.lastError()).isNull();
        assertThat(bills(v.id)).extracting(BillRow::subscriberId).containsExactlyElementsOf(v.billable);
        assertNumbersAreOneToN(v, 22);
    }

    /**
     * An overpayment left credit; the next run spends it on the new bill in the chunk's own transaction. Killed
     * inside a chunk right after it spent credit: that chunk's bills and credit roll back together, and the restarted
     * run spends every credit exactly once (117.00 bills, 50.00 of credit → 67.00 left on each).
     */
    @Test
    void theRunSpendsEarlierCreditOnTheNewBillsOnceEvenWhenKilledInsideAChunk() {
        Village v = Village.create(10, 19); // chunks of 4: subscribers 0–3, 4–7, 8–9
        List<Long> withCredit = List.of(v.billable.get(1), v.billable.get(5), v.billable.get(9));
        Clock before = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
        for (long s : withCredit) {
            PaymentServiceIT.inService(TenantScope.of(v.id), before, p -> p.record(new PaymentCommand(v.id, s,
                    Money.of("50.00"), PaymentChannel.CASH, LocalDate.of(2026, 3, 10), null, null, "credit-" + s)));
        }
        assertThat(sum("SELECT SUM(a.amount) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE a.kind = 'CREDIT' AND p.institution_id = " + v.id)).isEqualByComparingTo("150.00");

        JpaCreditSettlement real = new JpaCreditSettlement();
        AtomicInteger settled = new AtomicInteger();
        CreditSettlement dying = (em, institutionId, from, to, clock) -> {
            int n = real.settle(em, institutionId, from, to, clock);
            if (settled.incrementAndGet() == 2) {
                throw new Killed(); // inside the second chunk, after its credit was spent and its bills inserted
            }
            return n;
        };
        assertThatThrownBy(() -> service(dying).start(v.id, MARCH)).isInstanceOf(Killed.class);
        assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + v.id)).isEqualTo(4);
        // the first chunk's credit is spent, the second chunk's is not (rolled back with its bills)
        assertThat(creditLeft(withCredit.get(0))).isEqualByComparingTo("0.00");
        assertThat(creditLeft(withCredit.get(1))).isEqualByComparingTo("50.00");

        assertThat(service().start(v.id, MARCH).status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(service().start(v.id, MARCH).billsCreated()).isEqualTo(10); // and again: nothing new
        assertNumbersAreOneToN(v, 10);
        for (long s : v.billable) {
            boolean credited = withCredit.contains(s);
            assertThat(creditLeft(s)).as("credit of %d", s).isEqualByComparingTo("0.00");
            assertThat(sum("SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocation a JOIN bill b ON b.id = a.bill_id"
                    + " WHERE a.kind = 'PRINCIPAL' AND b.subscriber_id = " + s)).as("paid on the bill of %d", s)
                    .isEqualByComparingTo(credited ? "50.00" : "0.00");
            assertThat(count("SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                    + " WHERE p.subscriber_id = " + s + " AND a.allocated_on = '2026-03-20'"))
                    .as("credit moved on the day of the run").isEqualTo(credited ? 2 : 0);
        }
        // the ledger invariant for the institution: accrued − allocated to bills − credit = open
        assertThat(sum("SELECT SUM(total) FROM bill WHERE institution_id = " + v.id)).isEqualByComparingTo("1170.00");
        assertThat(sum("SELECT SUM(a.amount) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE a.kind = 'PRINCIPAL' AND p.institution_id = " + v.id)).isEqualByComparingTo("150.00");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CREDIT_APPLIED' AND institution_id = "
                + v.id)).isEqualTo(3);
    }

    private static BigDecimal creditLeft(long subscriberId) {
        return sum("SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " WHERE a.kind = 'CREDIT' AND p.subscriber_id = " + subscriberId);
    }

    private static BigDecimal sum(String sql) {
        try (Connection c = TestDatabase.settings().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readingTheNextChunkAheadBillsTheSameAndSurvivesAKill() {
        Village v = Village.create(22, 19); // chunks of 4: six chunks
        java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            AtomicInteger chunks = new AtomicInteger();
            assertThatThrownBy(() -> service().start(v.id, MARCH, p -> {
                if (chunks.incrementAndGet() == 3) {
                    throw new Killed(); // a chunk was read ahead on the other thread and is thrown away
                }
            }, ahead)).isInstanceOf(Killed.class);
            assertThat(count("SELECT COUNT(*) FROM bill WHERE institution_id = " + v.id)).isEqualTo(12);

            BillingRunProgress done = service().start(v.id, MARCH, ChunkListener.NONE, ahead);
            assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
            assertThat(done.processed()).isEqualTo(22);
            assertThat(done.billsCreated()).isEqualTo(22);
            assertThat(bills(v.id)).extracting(BillRow::subscriberId).containsExactlyElementsOf(v.billable);
            assertNumbersAreOneToN(v, 22);
        } finally {
            ahead.shutdownNow();
        }

        // an executor that refuses the work: every chunk selects for itself, same result
        Village w = Village.create(10, 19);
        BillingRunProgress alone = service().start(w.id, MARCH, ChunkListener.NONE, command -> {
            throw new java.util.concurrent.RejectedExecutionException("saturated");
        });
        assertThat(alone.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(alone.billsCreated()).isEqualTo(10);
        assertThat(bills(w.id)).extracting(BillRow::subscriberId).containsExactlyElementsOf(w.billable);
        assertNumbersAreOneToN(w, 10);

        // an executor that never starts the work (one thread, busy with the run itself): no deadlock, same result
        Village q = Village.create(10, 19);
        java.util.List<Runnable> parked = new java.util.concurrent.CopyOnWriteArrayList<>();
        BillingRunProgress queued = service().start(q.id, MARCH, ChunkListener.NONE, parked::add);
        assertThat(queued.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(bills(q.id)).extracting(BillRow::subscriberId).containsExactlyElementsOf(q.billable);
        assertNumbersAreOneToN(q, 10);
        assertThat(parked).hasSize(3); // one read-ahead per chunk of 4, never run
    }

    @Test
    void twoConcurrentStartsShareOneRunAndBillEachSubscriberOnce() throws Exception {
        Village v = Village.create(30, 19);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BillingRunProgress>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return service().start(v.id, MARCH);
                }));
            }
            go.countDown();
            BillingRunProgress a = runs.get(0).get(60, TimeUnit.SECONDS);
            BillingRunProgress b = runs.get(1).get(60, TimeUnit.SECONDS);
            assertThat(a.runId()).isEqualTo(b.runId());
            assertThat(a.status()).isEqualTo(BillingRunStatus.COMPLETED);
            assertThat(b.status()).isEqualTo(BillingRunStatus.COMPLETED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + v.id)).isEqualTo(1);
        assertThat(bills(v.id)).extracting(BillRow::subscriberId).containsExactlyElementsOf(v.billable);
        assertNumbersAreOneToN(v, 30);
        assertThat(service().find(v.id, MARCH).orElseThrow().billsCreated()).isEqualTo(30);
    }

    @Test
    void anOperatorOfOneInstitutionCannotBillWatchOrCorrectAnother() {
        Village a = Village.create(2, 19);
        Village b = Village.create(2, 19);
        BillingRunProgress runOfB = service(b.id).start(b.id, MARCH);
        long billOfB = bills(b.id).get(0).id();

        BillingRunService operatorOfA = service(a.id);
        BillingRunProgress ownRun = operatorOfA.start(a.id, BillingPeriod.of(2026, 4));
        assertThat(ownRun.status()).isEqualTo(BillingRunStatus.COMPLETED);

        assertThatThrownBy(() -> operatorOfA.start(b.id, BillingPeriod.of(2026, 4)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> operatorOfA.progress(runOfB.runId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> operatorOfA.skipped(runOfB.runId())).isInstanceOf(NotFoundException.class);
        assertThat(operatorOfA.find(b.id, MARCH)).isEmpty();
        assertThatThrownBy(() -> operatorOfA.reissue(billOfB, CubicMeters.of(3), LocalDate.of(2026, 3, 25)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service().start(-1, MARCH)).isInstanceOf(NotFoundException.class);

        assertThat(count("SELECT COUNT(*) FROM billing_run WHERE institution_id = " + b.id)).isEqualTo(1);
        assertThat(bills(b.id)).hasSize(2).allSatisfy(bill -> assertThat(bill.status()).isEqualTo("ISSUED"));
    }

    @Test
    void reissueReversesTheBillAndIssuesANewOneWithoutEditingIt() {
        Village v = Village.create(3, 19);
        service().start(v.id, MARCH);
        BillRow original = bills(v.id).get(1);
        LocalDate on = LocalDate.of(2026, 3, 25);

        BillReissue r = service(v.id).reissue(original.id(), CubicMeters.of(10), on);

        assertThat(r.reversalBillNo()).isEqualTo(v.code + "-2026-000004");
        assertThat(r.newBillNo()).isEqualTo(v.code + "-2026-000005");
        assertThat(r.newTotal()).isEqualTo(Money.of("54.00")); // 8 × 4 + 2 × 6 + 10 fixed fee
        List<BillRow> all = bills(v.id);
        BillRow before = all.stream().filter(b -> b.id() == original.id()).findFirst().orElseThrow();
        BillRow reversal = all.stream().filter(b -> b.id() == r.reversalBillId()).findFirst().orElseThrow();
        BillRow replacement = all.stream().filter(b -> b.id() == r.newBillId()).findFirst().orElseThrow();

        assertThat(before.status()).isEqualTo(BillStatus.REVERSED.name());
        assertThat(before.total()).isEqualByComparingTo("117.00");
        assertThat(before.billNo()).isEqualTo(original.billNo());
        assertThat(reversal.status()).isEqualTo(BillStatus.REVERSAL.name());
        assertThat(reversal.reverses()).isEqualTo(original.id());
        assertThat(reversal.total()).isEqualByComparingTo("-117.00");
        assertThat(reversal.lineSum()).isEqualByComparingTo("-117.00");
        assertThat(reversal.paymentCode()).isEqualTo(original.paymentCode());
        assertThat(replacement.status()).isEqualTo(BillStatus.ISSUED.name());
        assertThat(replacement.subscriberId()).isEqualTo(original.subscriberId());
        assertThat(replacement.issueDate()).isEqualTo(on);
        assertThat(replacement.dueDate()).isEqualTo(on.plusDays(15));
        assertThat(replacement.lineSum()).isEqualByComparingTo("54.00");
        assertThat(replacement.paymentCode()).isEqualTo(original.paymentCode());
        assertNumbersAreOneToN(v, 5);

        assertThatThrownBy(() -> service().reissue(original.id(), CubicMeters.of(9), on))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("error.bill.notReversible");
        assertNumbersAreOneToN(v, 5);
    }

    /**
     * Read on 03-05 under v1, billed on 03-20 when v2 (twice the prices, from 03-10) is in force: the bill is priced on
     * its reading's date (v1, 117.00), and so is its correction (10 m³ at v1 = 54.00, not v2's 108.00).
     */
    @Test
    void aBillAndItsCorrectionArePricedOnTheReadingDateNotTheDayTheyAreIssued() {
        Village v = Village.create(1, 19);
        long tariff = count("SELECT id FROM tariff WHERE institution_id = " + v.id);
        long v2 = insert("INSERT INTO tariff_version (tariff_id, valid_from, tier_mode, fixed_fee, created_at)"
                + " VALUES (?, '2026-03-10', 'PROGRESSIVE', 20.00, NOW())", tariff);
        insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 1, 0, 8, 8)", v2);
        insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 2, 8, 16, 12)",
                v2);
        insert("INSERT INTO tariff_tier (tariff_version_id, seq, from_m3, to_m3, unit_price) VALUES (?, 3, 16, NULL, 18)",
                v2);

        service().start(v.id, MARCH);
        BillRow bill = bills(v.id).get(0);
        assertThat(bill.issueDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(bill.total()).isEqualByComparingTo("117.00");

        BillReissue r = service(v.id).reissue(bill.id(), CubicMeters.of(10), LocalDate.of(2026, 3, 25));
        assertThat(r.newTotal()).isEqualTo(Money.of("54.00"));
    }

    // --- fixture ---------------------------------------------------------------------------------------------

    /** An institution with the worked-example RESIDENTIAL tariff and subscribers with a March reading. */
    private static final class Village {
        final long id;
        final String code;
        final List<Long> billable = new ArrayList<>();

        private Village(long id, String code) {
            this.id = id;
            this.code = code;
        }

        static Village create(int subscribers, long m3) {
            return create(InstitutionKind.VILLAGE, subscribers, m3);
        }

        static Village create(InstitutionKind kind, int subscribers, long m3) {
            String code = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            long id = TestDatabase.inTransaction(em -> {
                Institution i = Institution.register(code, "Billing " + code, kind, "Bolu", "Mudurnu", NOW);
                em.persist(i);
                em.flush();
                Tariff t = Tariff.create(i.getId(), SubscriberCategory.RESIDENTIAL, "Mesken");
                if (kind == InstitutionKind.VILLAGE) {
                    TariffVersion.of(t, LocalDate.of(2026, 1, 1), TierMode.PROGRESSIVE, NOW)
                            .tier(0, 8L, new BigDecimal("4.0000")).tier(8, 16L, new BigDecimal("6.0000"))
                            .tier(16, null, new BigDecimal("9.0000"))
                            .fees(Money.of("10.00"), Money.ZERO);
                } else {
                    TariffVersion.of(t, LocalDate.of(2026, 1, 1), TierMode.PROGRESSIVE, NOW)
                            .tier(0, 10L, new BigDecimal("20.0000")).tier(10, null, new BigDecimal("30.0000"))
                            .wastewater(WastewaterMode.SHARE_OF_WATER, new BigDecimal("0.5"))
                            .ctv(new BigDecimal("0.6000"))
                            .kdv(new BigDecimal("0.01"), new BigDecimal("0.10"), BigDecimal.ZERO);
                }
                em.persist(t);
                return i.getId();
            });
            TestDatabase.sql("UPDATE institution SET reading_day = 5 WHERE id = " + id);
            Village v = new Village(id, code);
            for (int n = 0; n < subscribers; n++) {
                long s = v.subscriber(SubscriberCategory.RESIDENTIAL, "ACTIVE");
                v.reading(s, m3);
                v.billable.add(s);
            }
            return v;
        }

        long subscriber(SubscriberCategory category, String status) {
            long s = insert("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, status,"
                    + " payment_code, created_at) VALUES (?, ?, 'Deneme Abone', ?, ?, 'ABCD2345', NOW())",
                    id, "T" + UUID.randomUUID().toString().substring(0, 12), category.name(), status);
            TestDatabase.sql("UPDATE subscriber SET subscriber_no = '9" + s + "', payment_code = '"
                    + paymentCode(s) + "' WHERE id = " + s);
            return s;
        }

        void reading(long subscriberId, long m3) {
            long meter = insert("INSERT INTO meter (institution_id, subscriber_id, serial_no, dial_digits, installed_on)"
                    + " VALUES (?, ?, ?, 5, '2025-01-01')", id, subscriberId, "M" + subscriberId);
            insert("INSERT INTO reading (institution_id, subscriber_id, meter_id, period, reading_date, meter_index,"
                    + " consumption_m3, kind, source, recorded_at) VALUES (?, ?, ?, '2026-03', ?, ?, ?, 'ACTUAL',"
                    + " 'HANDHELD', NOW())", id, subscriberId, meter, READ_ON, 100 + m3, m3);
        }

        /** A valid payment code derived from the id: eight letters of the code alphabet. */
        String paymentCode(long subscriberId) {
            String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
            StringBuilder sb = new StringBuilder();
            long n = subscriberId;
            for (int i = 0; i < 8; i++) {
                sb.append(alphabet.charAt((int) (n % alphabet.length())));
                n /= alphabet.length();
            }
            return sb.toString();
        }
    }

    private record BillRow(long id, long subscriberId, String billNo, String status, BigDecimal total,
                           BigDecimal lineSum, int lines, LocalDate issueDate, LocalDate dueDate, String paymentCode,
                           Long reverses) {
    }

    private static List<BillRow> bills(long institutionId) {
        List<BillRow> rows = new ArrayList<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT b.id, b.subscriber_id, b.bill_no, b.status, b.total, SUM(l.amount), COUNT(l.id), b.issue_date,"
                        + " b.due_date, b.payment_code, b.reverses_bill_id FROM bill b JOIN bill_line l ON l.bill_id = b.id"
                        + " WHERE b.institution_id = ? GROUP BY b.id ORDER BY b.id")) {
            ps.setLong(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new BillRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class), rs.getString(10), (Long) rs.getObject(11, Long.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> lineKinds(long billId) {
        return TestDatabase.column("SELECT kind FROM bill_line WHERE bill_id = ? ORDER BY seq", billId).stream()
                .map(String::valueOf).toList();
    }

    private static void assertNumbersAreOneToN(Village v, int n) {
        List<String> expected = LongStream.rangeClosed(1, n)
                .mapToObj(i -> String.format("%s-2026-%06d", v.code, i)).toList();
        assertThat(bills(v.id)).extracting(BillRow::billNo).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count("SELECT next_value FROM bill_number_sequence WHERE institution_id = " + v.id + " AND year = 2026"))
                .isEqualTo(n + 1);
    }


    private static long insert(String sql, Object... parameters) {
        try (Connection c = TestDatabase.settings().connect();
             PreparedStatement ps = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
