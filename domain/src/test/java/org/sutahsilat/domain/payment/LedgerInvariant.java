package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.payment.InMemoryLedger.Balance;
import org.sutahsilat.domain.payment.InMemoryLedger.BillRow;
import org.sutahsilat.domain.payment.InMemoryLedger.Posted;
import org.sutahsilat.domain.payment.InMemoryLedger.SurchargeRow;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The ledger invariant of domain.md and the bookkeeping rules around it, checked on an {@link InMemoryLedger}. Every
 * check throws {@link AssertionError} saying what broke.
 *
 * <ol>
 *   <li>For every subscriber and every institution: Σ accruals (bills + surcharge charged) − Σ payments allocated to
 *       bills − Σ credit = Σ open items of its bills − unspent credit = Σ accruals − Σ cash received, to the kuruş.
 *       The left side groups payments by payer, the middle one bills by owner, the right one counts cash; an
 *       allocation on somebody else's bill or an unallocated kuruş shows up as a difference.</li>
 *   <li>An institution's totals are its subscribers' totals added up.</li>
 *   <li>A payment's allocations sum exactly to its amount.</li>
 *   <li>No allocation is negative except in a reversal (whose rows are exactly the reversed payment's rows
 *       negated) and the −CREDIT row of a credit transfer, which is followed by a positive row of the same amount
 *       on a bill.</li>
 *   <li>Every bill: 0 ≤ open principal ≤ total, open surcharge ≥ 0, surcharge rows positive; money only reaches bills
 *       of the payer; unspent credit of a payment is never negative.</li>
 *   <li>Surcharge charged on a bill never exceeds what its whole principal would have cost by the last charge.</li>
 * </ol>
 */
final class LedgerInvariant {

    private LedgerInvariant() {
    }

    static void check(InMemoryLedger ledger) {
        for (long subscriber : ledger.subscribers()) {
            balanced("subscriber " + subscriber, ledger.subscriberBalance(subscriber));
        }
        for (long institution : ledger.institutions()) {
            Balance total = ledger.institutionBalance(institution);
            balanced("institution " + institution, total);
            Balance sum = ledger.subscribers().stream().filter(s -> ledger.institutionOf(s) == institution)
                    .map(ledger::subscriberBalance).reduce(LedgerInvariant::add).orElseThrow();
            require(total.equals(sum), "institution " + institution + " totals " + total + " ≠ its subscribers' " + sum);
        }
        for (Posted p : ledger.payments()) {
            payment(ledger, p);
        }
        for (BillRow b : ledger.bills().values()) {
            Money principal = ledger.openPrincipal(b.billId());
            require(!principal.isNegative() && principal.compareTo(b.total()) <= 0,
                    "bill " + b.billId() + " open principal " + principal + " outside 0 … " + b.total());
            require(!ledger.openSurcharge(b.billId()).isNegative(),
                    "bill " + b.billId() + " open surcharge " + ledger.openSurcharge(b.billId()));
            LocalDate lastCharge = ledger.surcharges().stream().filter(s -> s.billId() == b.billId())
                    .map(SurchargeRow::on).max(LocalDate::compareTo).orElse(null);
            if (lastCharge != null) {
                Money ceiling = ledger.surchargeIfUnpaid(b.billId(), lastCharge);
                require(ledger.surchargeCharged(b.billId()).compareTo(ceiling) <= 0,
                        "bill " + b.billId() + " charged " + ledger.surchargeCharged(b.billId())
                                + " surcharge, more than the unpaid principal's " + ceiling);
            }
        }
        for (SurchargeRow s : ledger.surcharges()) {
            require(s.amount().isPositive(), "surcharge row not positive: " + s);
        }
    }

    private static void payment(InMemoryLedger ledger, Posted p) {
        List<PaymentAllocation> rows = p.payment.getAllocations();
        Money sum = rows.stream().map(PaymentAllocation::getAmount).reduce(Money.ZERO, Money::plus);
        require(sum.equals(p.payment.getAmount()),
                "payment " + p.payment.getReceiptNo() + " allocates " + sum + " of " + p.payment.getAmount());
        for (PaymentAllocation a : rows) {
            if (a.getBillId() != null) {
                BillRow b = ledger.bills().get(a.getBillId());
                require(b != null && b.subscriberId() == p.subscriberId() && b.institutionId() == p.institutionId(),
                        "payment " + p.payment.getReceiptNo() + " reaches bill " + a.getBillId() + " of another payer");
            }
        }
        if (p.reverses != null) {
            List<PaymentAllocation> original = p.reverses.payment.getAllocations();
            require(original.size() == rows.size(), "reversal " + p.payment.getReceiptNo() + " row count");
            for (int i = 0; i < rows.size(); i++) {
                PaymentAllocation r = rows.get(i);
                PaymentAllocation o = original.get(i);
                require(r.getKind() == o.getKind() && Objects.equals(r.getBillId(), o.getBillId())
                                && r.getAmount().equals(o.getAmount().negate()),
                        "reversal " + p.payment.getReceiptNo() + " row " + i + " is not the negated original");
            }
            return;
        }
        require(!p.payment.creditBalance().isNegative(), "payment " + p.payment.getReceiptNo() + " negative credit");
        for (int i = 0; i < rows.size(); i++) {
            PaymentAllocation a = rows.get(i);
            if (!a.getAmount().isNegative()) {
                require(!a.getAmount().isZero(), "payment " + p.payment.getReceiptNo() + " has a zero row");
                continue;
            }
            boolean creditTransfer = a.getKind() == AllocationKind.CREDIT && i + 1 < rows.size()
                    && rows.get(i + 1).getBillId() != null
                    && rows.get(i + 1).getAmount().equals(a.getAmount().negate());
            require(creditTransfer, "payment " + p.payment.getReceiptNo() + " row " + i + " is negative: "
                    + a.getKind() + " " + a.getAmount());
        }
    }

    private static void balanced(String who, Balance b) {
        Money cashView = b.accruals().minus(b.cashReceived());
        require(b.journal().equals(b.open()) && b.journal().equals(cashView),
                who + ": accruals − allocated − credits = " + b.journal() + ", open items − credit = " + b.open()
                        + ", accruals − cash = " + cashView + " (" + b + ")");
    }

    private static Balance add(Balance x, Balance y) {
        return new Balance(x.accruals().plus(y.accruals()), x.allocatedToBills().plus(y.allocatedToBills()),
                x.credits().plus(y.credits()), x.openItems().plus(y.openItems()),
                x.unspentCredit().plus(y.unspentCredit()), x.cashReceived().plus(y.cashReceived()));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
