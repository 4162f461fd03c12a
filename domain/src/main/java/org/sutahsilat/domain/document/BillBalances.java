package org.sutahsilat.domain.document;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.payment.SubscriberLedger;
import org.sutahsilat.domain.payment.SubscriberLedger.BillEntry;
import org.sutahsilat.domain.payment.SurchargeCharge;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.surcharge.SurchargeCalculator;
import org.sutahsilat.domain.surcharge.SurchargeRate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The money figures of printed bills besides their own lines, as they stood on the day each bill was made (the
 * business day of its creation: the day of the billing run, or of the reissue). So a bill printed again later shows
 * what it showed first; what was paid since is on the receipts and in the portal, not on an old bill.
 * <ul>
 *   <li><b>Previous debt</b>: the open principal of the subscriber's earlier bills in force (issued before this one,
 *       made by that day), after the payments and credit posted by that day.</li>
 *   <li><b>Late-payment surcharge</b>: what those bills' overdue principal had cost by that day under the
 *       institution's policy and rate table ({@link SurchargeCalculator}), charged and unpaid or accrued and not yet
 *       charged: the figure the cashier's screen showed that day ({@link SubscriberLedger#openBills}).</li>
 *   <li><b>Credit applied</b>: the principal of this bill already paid that day, i.e. an earlier overpayment the
 *       billing run spent on it.</li>
 * </ul>
 * A slice of bills costs four queries (bills, payments with their rows, charges, rates), whatever its size.
 */
final class BillBalances {

    record Balance(Money previousDebt, Money lateSurcharge, Money creditApplied) {
        static final Balance NONE = new Balance(Money.ZERO, Money.ZERO, Money.ZERO);
    }

    private BillBalances() {
    }

    /** By bill id, for the given bills (their institutions in {@code institutions}). */
    static Map<Long, Balance> of(EntityManager em, Collection<Bill> bills, Map<Long, Institution> institutions) {
        Map<Long, Balance> balances = new HashMap<>();
        if (bills.isEmpty()) {
            return balances;
        }
        List<Long> subscriberIds = bills.stream().map(Bill::getSubscriberId).distinct().toList();
        Map<Long, List<Bill>> inForce = em.createQuery("SELECT b FROM Bill b WHERE b.subscriberId IN :ids"
                        + " AND b.status = :status", Bill.class)
                .setParameter("ids", subscriberIds).setParameter("status", BillStatus.ISSUED)
                .getResultList().stream().collect(Collectors.groupingBy(Bill::getSubscriberId));
        Map<Long, List<Payment>> payments = em.createQuery("SELECT DISTINCT p FROM Payment p"
                        + " LEFT JOIN FETCH p.allocations WHERE p.subscriberId IN :ids", Payment.class)
                .setParameter("ids", subscriberIds)
                .getResultList().stream().collect(Collectors.groupingBy(Payment::getSubscriberId));
        Map<Long, List<SurchargeCharge>> charges = em.createQuery("SELECT c FROM SurchargeCharge c"
                        + " WHERE c.subscriberId IN :ids", SurchargeCharge.class)
                .setParameter("ids", subscriberIds)
                .getResultList().stream().collect(Collectors.groupingBy(SurchargeCharge::getSubscriberId));
        Map<SurchargePolicy, SurchargeCalculator> calculators = calculators(em, institutions.values());

        for (Bill bill : bills) {
            LocalDate day = madeOn(bill);
            List<Bill> earlier = new ArrayList<>();
            for (Bill other : inForce.getOrDefault(bill.getSubscriberId(), List.of())) {
                if (isEarlier(other, bill) && !madeOn(other).isAfter(day)) {
                    earlier.add(other);
                }
            }
            List<BillEntry> entries = new ArrayList<>(earlier.size() + 1);
            earlier.forEach(b -> entries.add(entry(b)));
            entries.add(entry(bill));
            Institution institution = institutions.get(bill.getInstitutionId());
            SubscriberLedger ledger = SubscriberLedger.of(calculators.get(institution.getSurchargePolicy()), entries,
                    charges.getOrDefault(bill.getSubscriberId(), List.of()),
                    payments.getOrDefault(bill.getSubscriberId(), List.of()), day);
            Money debt = Money.ZERO;
            Money surcharge = Money.ZERO;
            for (Bill b : earlier) {
                debt = debt.plus(ledger.openPrincipal(b.getId()).max(Money.ZERO));
                surcharge = surcharge.plus(ledger.openSurcharge(b.getId()).plus(ledger.uncharged(b.getId(), day))
                        .max(Money.ZERO));
            }
            Money paid = bill.getTotal().minus(ledger.openPrincipal(bill.getId())).max(Money.ZERO)
                    .min(bill.getTotal());
            balances.put(bill.getId(), new Balance(debt, surcharge, paid));
        }
        return balances;
    }

    /** Issued before {@code bill} (same day: lower id), and not the bill itself. */
    private static boolean isEarlier(Bill other, Bill bill) {
        if (other.getId().equals(bill.getId())) {
            return false;
        }
        int byDate = other.getIssueDate().compareTo(bill.getIssueDate());
        return byDate < 0 || byDate == 0 && other.getId() < bill.getId();
    }

    private static LocalDate madeOn(Bill bill) {
        return LocalDate.ofInstant(bill.getCreatedAt(), Payment.BUSINESS_ZONE);
    }

    private static BillEntry entry(Bill b) {
        return new BillEntry(b.getId(), b.getBillNo(), b.getPeriod(), b.getDueDate(), b.getTotal());
    }

    private static Map<SurchargePolicy, SurchargeCalculator> calculators(EntityManager em,
                                                                       Collection<Institution> institutions) {
        Map<SurchargePolicy, SurchargeCalculator> calculators = new EnumMap<>(SurchargePolicy.class);
        for (Institution i : institutions) {
            calculators.computeIfAbsent(i.getSurchargePolicy(), policy -> policy == SurchargePolicy.NONE
                    ? SurchargeCalculator.none()
                    : new SurchargeCalculator(policy, rates(em, policy)));
        }
        return calculators;
    }

    private static List<SurchargeRate> rates(EntityManager em, SurchargePolicy policy) {
        List<?> rows = em.createNativeQuery("SELECT valid_from, monthly_rate FROM surcharge_rate WHERE policy = ?"
                + " ORDER BY valid_from").setParameter(1, policy.name()).getResultList();
        List<SurchargeRate> rates = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            rates.add(new SurchargeRate(BillDocumentFactory.date(r[0]), (BigDecimal) r[1]));
        }
        return rates;
    }
}
