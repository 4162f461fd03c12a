package org.sutahsilat.domain.payment;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;
import org.sutahsilat.domain.surcharge.SurchargeRate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of bills, cash payments (in kuruş), reversals, credit spending and days passing, over four
 * subscribers in two institutions (one under Law 6183 across the 4.5% → 3.7% change, one under statutory interest).
 * After every step the {@link LedgerInvariant} must hold to the kuruş, per subscriber and per institution.
 * Seeded, so a failure repeats; the failing sequence is in the assertion message.
 */
class LedgerInvariantPropertyTest {

    private static final long SEED = 20261128L;
    private static final int RUNS = 400;

    static final LocalDate START = LocalDate.parse("2025-09-01");
    static final long[] SUBSCRIBERS = {101, 102, 201, 202};

    sealed interface Step permits IssueBill, Pay, Reverse, SpendCredit, Wait {
    }

    /** A bill; like a billing run, it may spend the subscriber's credit right away. */
    record IssueBill(int subscriber, long kurus, int dueInDays, boolean spendCredit) implements Step {
    }

    record Pay(int subscriber, long kurus) implements Step {
    }

    record Reverse(int pick) implements Step {
    }

    record SpendCredit(int subscriber) implements Step {
    }

    record Wait(int days) implements Step {
    }

    static List<Step> randomSteps(Random random) {
        int size = 5 + random.nextInt(56);
        List<Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(12); // bill 3, pay 4, reverse 1, spend credit 1, wait 3
            int subscriber = random.nextInt(SUBSCRIBERS.length);
            if (kind < 3) {
                steps.add(new IssueBill(subscriber, 1 + random.nextInt(60_000), -20 + random.nextInt(51),
                        random.nextBoolean()));
            } else if (kind < 7) {
                steps.add(new Pay(subscriber, random.nextBoolean() ? 1 + random.nextInt(500) : 1 + random.nextInt(120_000)));
            } else if (kind < 8) {
                steps.add(new Reverse(random.nextInt(1_001)));
            } else if (kind < 9) {
                steps.add(new SpendCredit(subscriber));
            } else {
                steps.add(new Wait(1 + random.nextInt(75)));
            }
        }
        return steps;
    }

    @Test
    void ledgerInvariantHoldsAfterEveryStep() {
        Random random = new Random(SEED);
        int creditSpent = 0;
        int spentCreditReversed = 0;
        int surchargeCharged = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean[] reached = ledgerInvariantHoldsAfterEveryStep(randomSteps(random));
            creditSpent += reached[0] ? 1 : 0;
            spentCreditReversed += reached[1] ? 1 : 0;
            surchargeCharged += reached[2] ? 1 : 0;
        }
        // the generator must reach the interesting cases, not only pass vacuously
        assertThat(creditSpent * 100 / RUNS).as("%% of runs that spent credit").isGreaterThan(25);
        assertThat(spentCreditReversed * 100 / RUNS).as("%% of runs that reversed spent credit").isGreaterThan(3);
        assertThat(surchargeCharged * 100 / RUNS).as("%% of runs that charged surcharge").isGreaterThan(30);
    }

    /** Runs one sequence; returns {credit spent, spent credit reversed, surcharge charged}. */
    private static boolean[] ledgerInvariantHoldsAfterEveryStep(List<Step> steps) {
        InMemoryLedger ledger = new InMemoryLedger()
                .institution(1, new SurchargeCalculator(SurchargePolicy.LAW_6183, List.of(
                        SurchargeRate.of("2024-05-21", "0.045"), SurchargeRate.of("2025-11-14", "0.037"))))
                .institution(2, new SurchargeCalculator(SurchargePolicy.STATUTORY_INTEREST, List.of(
                        SurchargeRate.of("2006-01-01", "0.09"), SurchargeRate.of("2024-06-01", "0.24"))))
                .subscriber(101, 1).subscriber(102, 1).subscriber(201, 2).subscriber(202, 2);
        LocalDate today = START;
        boolean creditSpent = false;
        boolean spentCreditReversed = false;
        for (Step step : steps) {
            if (step instanceof IssueBill b) {
                ledger.issueBill(SUBSCRIBERS[b.subscriber()], today.plusDays(b.dueInDays()), Money.ofKurus(b.kurus()));
                if (b.spendCredit()) {
                    creditSpent |= !ledger.applyCredit(SUBSCRIBERS[b.subscriber()], today).isEmpty();
                }
            } else if (step instanceof Pay p) {
                Payment payment = ledger.receive(SUBSCRIBERS[p.subscriber()], Money.ofKurus(p.kurus()), today);
                assertThat(payment.getAmount()).isEqualTo(Money.ofKurus(p.kurus()));
            } else if (step instanceof Reverse r) {
                List<InMemoryLedger.Posted> live = ledger.payments().stream()
                        .filter(x -> !x.isReversalOrReversed()).toList();
                if (!live.isEmpty()) {
                    InMemoryLedger.Posted target = live.get(r.pick() % live.size());
                    spentCreditReversed |= target.payment.getAllocations().stream()
                            .anyMatch(a -> a.getKind() == AllocationKind.CREDIT && a.getAmount().isNegative());
                    ledger.reverse(target.payment, today);
                    reversalRestoresPrincipal(ledger, target);
                }
            } else if (step instanceof SpendCredit c) {
                creditSpent |= !ledger.applyCredit(SUBSCRIBERS[c.subscriber()], today).isEmpty();
            } else if (step instanceof Wait w) {
                today = today.plusDays(w.days());
            }
            try {
                LedgerInvariant.check(ledger);
            } catch (AssertionError e) {
                throw new AssertionError("after " + step + " in " + steps + ": " + e.getMessage(), e);
            }
        }
        // the generator must reach the interesting cases, not only pass vacuously
        boolean surchargeCharged = !ledger.surcharges().isEmpty();
        // at the end every subscriber's open items as of today are what its balance says, surcharge not yet charged
        // aside
        for (long s : SUBSCRIBERS) {
            Money open = ledger.openItems(s, today).stream().map(OpenItem::openPrincipal)
                    .reduce(Money.ZERO, Money::plus);
            Money principalOpen = ledger.bills().values().stream().filter(b -> b.subscriberId() == s)
                    .map(b -> ledger.openPrincipal(b.billId())).reduce(Money.ZERO, Money::plus);
            assertThat(open).isEqualTo(principalOpen);
        }
        return new boolean[]{creditSpent, spentCreditReversed, surchargeCharged};
    }

    /** After a reversal, each bill's open principal is its total less what payments in force paid on it. */
    private static void reversalRestoresPrincipal(InMemoryLedger ledger, InMemoryLedger.Posted reversed) {
        for (InMemoryLedger.BillRow b : ledger.bills().values()) {
            if (b.subscriberId() != reversed.subscriberId()) {
                continue;
            }
            Money paidInForce = ledger.payments().stream().filter(p -> !p.isReversalOrReversed())
                    .flatMap(p -> p.payment.getAllocations().stream())
                    .filter(a -> a.getKind() == AllocationKind.PRINCIPAL && Long.valueOf(b.billId()).equals(a.getBillId()))
                    .map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
            assertThat(ledger.openPrincipal(b.billId())).isEqualTo(b.total().minus(paidInForce));
        }
    }

    @Test
    void surchargeNeverDecreasesAsDaysPass() {
        Random random = new Random(SEED);
        for (int run = 0; run < 3_000; run++) {
            surchargeNeverDecreasesAsDaysPass(1 + random.nextInt(1_000_000), random.nextInt(801), 1 + random.nextInt(400),
                    1 + random.nextInt(90), 1 + random.nextInt(90), random.nextInt(801));
        }
    }

    private static void surchargeNeverDecreasesAsDaysPass(int kurus, int dueOffset, int days, int rate1, int rate2,
                                                          int changeOffset) {
        // two monthly rates in per mille (0.1% … 9%), changing on an arbitrary day, up or down
        LocalDate origin = LocalDate.parse("2024-01-01");
        SurchargeCalculator calc = new SurchargeCalculator(SurchargePolicy.LAW_6183, List.of(
                new SurchargeRate(origin, BigDecimal.valueOf(rate1, 3)),
                new SurchargeRate(origin.plusDays(changeOffset + 1L), BigDecimal.valueOf(rate2, 3))));
        LocalDate due = origin.plusDays(dueOffset);
        Money principal = Money.ofKurus(kurus);
        Money before = calc.surcharge(principal, due, due.plusDays(days - 1L));
        Money after = calc.surcharge(principal, due, due.plusDays(days));
        assertThat(after).as("%d kuruş due %s, day %d, rates %d‰ then %d‰ from %s", kurus, due, days, rate1, rate2,
                origin.plusDays(changeOffset + 1L)).isGreaterThanOrEqualTo(before);
    }
}
