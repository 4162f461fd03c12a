package org.sutahsilat.domain.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;
import org.sutahsilat.domain.surcharge.SurchargeRate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.domain.payment.AllocationKind.PRINCIPAL;
import static org.sutahsilat.domain.payment.AllocationKind.SURCHARGE;

/** Hand-computed allocation, credit and reversal scenarios through the in-memory ledger (Law 6183 at 3.7%). */
class LedgerTest {

    static final long VILLAGE = 1;
    static final long TOWN = 2;
    static final long AYSE = 10;
    static final long MEHMET = 20;

    private InMemoryLedger ledger;

    private static Money m(String amount) {
        return Money.of(amount);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @BeforeEach
    void setUp() {
        ledger = new InMemoryLedger()
                .institution(VILLAGE, new SurchargeCalculator(SurchargePolicy.LAW_6183, List.of(
                        SurchargeRate.of("2024-05-21", "0.045"), SurchargeRate.of("2025-11-14", "0.037"))))
                .institution(TOWN, SurchargeCalculator.none())
                .subscriber(AYSE, VILLAGE)
                .subscriber(MEHMET, TOWN);
    }

    @Test
    void workedExampleThroughTheLedger() {
        long bill = ledger.issueBill(AYSE, d("2026-02-15"), m("150.00")).billId();
        assertThat(ledger.openItems(AYSE, d("2026-04-01")))
                .containsExactly(new OpenItem(bill, d("2026-02-15"), m("150.00"), m("8.70")));
        Payment p = ledger.receive(AYSE, m("158.70"), d("2026-04-01"));
        assertThat(lines(p)).containsExactly(
                new AllocationLine(bill, SURCHARGE, m("8.70")),
                new AllocationLine(bill, PRINCIPAL, m("150.00")));
        assertThat(ledger.surchargeCharged(bill)).isEqualTo(m("8.70"));
        assertThat(ledger.openItems(AYSE, d("2026-06-01"))).isEmpty();
        LedgerInvariant.check(ledger);
    }

    @Test
    void paidOnTheDueDateCarriesNoSurcharge() {
        long bill = ledger.issueBill(AYSE, d("2026-03-15"), m("100.00")).billId();
        Payment p = ledger.receive(AYSE, m("100.00"), d("2026-03-15"));
        assertThat(lines(p)).containsExactly(new AllocationLine(bill, PRINCIPAL, m("100.00")));
        assertThat(ledger.surcharges()).isEmpty();
        LedgerInvariant.check(ledger);
    }

    @Test
    void allocationOverThreeBillsThenCreditThenReversal() {
        long b1 = ledger.issueBill(AYSE, d("2026-01-15"), m("100.00")).billId();
        long b2 = ledger.issueBill(AYSE, d("2026-02-15"), m("120.00")).billId();
        long b3 = ledger.issueBill(AYSE, d("2026-03-15"), m("90.00")).billId();

        // paid 2026-03-20:
        // b1 due 01-15: 2 months + 5 days: 100 × 0.037 × (2 + 5/30) = 8.0166… → 8.02
        // b2 due 02-15: 1 month + 5 days: 120 × 0.037 × (1 + 5/30) = 5.18
        // b3 due 03-15: 5 days: 90 × 0.037 × 5/30 = 0.555 → 0.56
        // open 108.02 + 125.18 + 90.56 = 323.76; 400.00 − 323.76 = 76.24 credit
        Payment p = ledger.receive(AYSE, m("400.00"), d("2026-03-20"));
        assertThat(lines(p)).containsExactly(
                new AllocationLine(b1, SURCHARGE, m("8.02")),
                new AllocationLine(b1, PRINCIPAL, m("100.00")),
                new AllocationLine(b2, SURCHARGE, m("5.18")),
                new AllocationLine(b2, PRINCIPAL, m("120.00")),
                new AllocationLine(b3, SURCHARGE, m("0.56")),
                new AllocationLine(b3, PRINCIPAL, m("90.00")),
                AllocationLine.credit(m("76.24")));
        assertThat(ledger.creditBalance(AYSE)).isEqualTo(m("76.24"));
        // accruals 310.00 + 13.76 surcharge = 323.76; allocated 323.76; credits 76.24 → balance −76.24 (in credit)
        InMemoryLedger.Balance afterPayment = ledger.subscriberBalance(AYSE);
        assertThat(afterPayment.accruals()).isEqualTo(m("323.76"));
        assertThat(afterPayment.journal()).isEqualTo(m("-76.24"));
        LedgerInvariant.check(ledger);

        // the next bill consumes the credit: 150.00 − 76.24 = 73.76 still to pay
        long b4 = ledger.issueBill(AYSE, d("2026-04-15"), m("150.00")).billId();
        assertThat(ledger.applyCredit(AYSE, d("2026-04-01")))
                .containsExactly(new AllocationLine(b4, PRINCIPAL, m("76.24")));
        assertThat(ledger.openPrincipal(b4)).isEqualTo(m("73.76"));
        assertThat(ledger.creditBalance(AYSE)).isEqualTo(Money.ZERO);
        assertThat(sum(p)).isEqualTo(m("400.00"));
        assertThat(ledger.subscriberBalance(AYSE).journal()).isEqualTo(m("73.76"));
        LedgerInvariant.check(ledger);

        // the 400.00 was a mistake: reversed on 2026-04-05. Every bill is open again, b4 too; the surcharge charged
        // on 03-20 (13.76) stays charged and is unpaid again. Debt: 460.00 + 13.76 = 473.76, cash 0.
        Payment reversal = ledger.reverse(p, d("2026-04-05"));
        assertThat(reversal.getAmount()).isEqualTo(m("-400.00"));
        assertThat(ledger.openPrincipal(b1)).isEqualTo(m("100.00"));
        assertThat(ledger.openPrincipal(b2)).isEqualTo(m("120.00"));
        assertThat(ledger.openPrincipal(b3)).isEqualTo(m("90.00"));
        assertThat(ledger.openPrincipal(b4)).isEqualTo(m("150.00"));
        assertThat(ledger.openSurcharge(b1)).isEqualTo(m("8.02"));
        assertThat(ledger.creditBalance(AYSE)).isEqualTo(Money.ZERO);
        assertThat(ledger.subscriberBalance(AYSE).journal()).isEqualTo(m("473.76"));
        // and the surcharge runs as if the 400.00 had never been paid: b1 as of 04-05, 2 months + 21 days:
        // 100 × 0.037 × 2.7 = 9.99 accrued, 8.02 of it charged → 1.97 more due
        assertThat(ledger.openItems(AYSE, d("2026-04-05")).get(0))
                .isEqualTo(new OpenItem(b1, d("2026-01-15"), m("100.00"), m("9.99")));
        LedgerInvariant.check(ledger);
    }

    @Test
    void partialPaymentsOverTime() {
        long bill = ledger.issueBill(AYSE, d("2026-01-10"), m("1000.00")).billId();

        // 2026-02-20 (1 month + 10 days): surcharge 1000 × 0.037 × 4/3 = 49.3333… → 49.33; 449.33 pays it and 400.00
        Payment first = ledger.receive(AYSE, m("449.33"), d("2026-02-20"));
        assertThat(lines(first)).containsExactly(
                new AllocationLine(bill, SURCHARGE, m("49.33")),
                new AllocationLine(bill, PRINCIPAL, m("400.00")));
        LedgerInvariant.check(ledger);

        // 2026-03-10: 10.00 only; accrued 400 × 0.049333… + 600 × 0.037 × 2 = 19.7333… + 44.40 = 64.1333… → 64.13,
        // 49.33 charged → 14.80 due; 10.00 pays part of it, 4.80 stays open surcharge, principal untouched
        Payment second = ledger.receive(AYSE, m("10.00"), d("2026-03-10"));
        assertThat(lines(second)).containsExactly(new AllocationLine(bill, SURCHARGE, m("10.00")));
        assertThat(ledger.surchargeCharged(bill)).isEqualTo(m("64.13"));
        assertThat(ledger.openSurcharge(bill)).isEqualTo(m("4.80"));
        LedgerInvariant.check(ledger);

        // 2026-04-10: accrued 19.7333… + 600 × 0.037 × 3 = 86.3333… → 86.33; charged 64.13 → 22.20 more, plus the
        // 4.80 left open: surcharge due 27.00; all settled with 627.00
        assertThat(ledger.openItems(AYSE, d("2026-04-10")))
                .containsExactly(new OpenItem(bill, d("2026-01-10"), m("600.00"), m("27.00")));
        Payment last = ledger.receive(AYSE, m("627.00"), d("2026-04-10"));
        assertThat(lines(last)).containsExactly(
                new AllocationLine(bill, SURCHARGE, m("27.00")),
                new AllocationLine(bill, PRINCIPAL, m("600.00")));
        // total surcharge 49.33 + 14.80 + 22.20 = 86.33, as the calculator gives for the whole history at once
        assertThat(ledger.surchargeCharged(bill)).isEqualTo(m("86.33"));
        assertThat(ledger.openItems(AYSE, d("2026-12-31"))).isEmpty();
        LedgerInvariant.check(ledger);
    }

    @Test
    void institutionsAreKeptApart() {
        ledger.issueBill(AYSE, d("2026-01-15"), m("100.00"));
        ledger.issueBill(MEHMET, d("2026-01-15"), m("80.00"));
        ledger.receive(MEHMET, m("100.00"), d("2026-05-01"));
        // no surcharge under NONE; Mehmet's 20.00 is his credit and never reaches Ayşe's bill
        assertThat(ledger.institutionBalance(TOWN).journal()).isEqualTo(m("-20.00"));
        assertThat(ledger.institutionBalance(VILLAGE).journal()).isEqualTo(m("100.00"));
        assertThat(ledger.applyCredit(AYSE, d("2026-05-01"))).isEmpty();
        LedgerInvariant.check(ledger);
    }

    private static List<AllocationLine> lines(Payment p) {
        return p.getAllocations().stream()
                .map(a -> new AllocationLine(a.getBillId(), a.getKind(), a.getAmount())).toList();
    }

    private static Money sum(Payment p) {
        return p.getAllocations().stream().map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
    }
}
