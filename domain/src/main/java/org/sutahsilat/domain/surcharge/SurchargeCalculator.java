package org.sutahsilat.domain.surcharge;

import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Gecikme zammı: what an overdue principal costs by a given day, under an institution's {@link SurchargePolicy} and
 * its dated rate table. Pure arithmetic: no clock, no database.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>No delay, no surcharge.</b> Paid on or before the due date: zero. The due date is not a day of delay, the
 *       payment day is (2026-02-15 → 2026-02-16 is one day).</li>
 *   <li><b>{@code LAW_6183}</b> (art. 51): the delay is split into whole months and the remaining days
 *       ({@link Delay}: month ends come from {@code dueDate.plusMonths(i)}). Each whole month costs the monthly
 *       rate; each remaining day costs the monthly rate ÷ 30. Simple, never compounding, on the principal only.</li>
 *   <li><b>Rate changes (6183).</b> Each month of delay, whole or begun, is charged at the rate in force on its
 *       first day of delay; the days of a begun month are charged at that month's rate ÷ 30. So with 4.5% until
 *       2025-11-13 and 3.7% from 2025-11-14, a month of delay running 2025-11-02 … 2025-12-01 costs 4.5%, the next
 *       one 3.7%. Why not each remaining day at the rate of its own day: after a rate rise a begun month could then
 *       cost more than the completed month, and paying a day later would make the debt smaller. With the rule
 *       chosen the surcharge never decreases as days pass, which the allocation of partial payments relies on.</li>
 *   <li><b>{@code STATUTORY_INTEREST}</b>: simple interest, each day of delay at the annual rate in force on that
 *       day ÷ 365 (also in leap years).</li>
 *   <li><b>{@code NONE}</b>: zero.</li>
 *   <li><b>Rounding: once, at the end.</b> The months and days are summed exactly (as rate-days over 30, or over
 *       365) and the total is rounded half-up to the kuruş once. The worked example of domain.md: 150.00 due
 *       2026-02-15 paid 2026-04-01: 150 × 3.7% = 5.55 plus 150 × 3.7% × 17/30 = 3.145, total 8.695 → 8.70.
 *       (Rounding each part first would give 5.55 + 3.15 = 8.70 too; for 150.50 it gives 5.57 + 3.16 = 8.73 while
 *       the rule here gives 8.72.)</li>
 *   <li><b>Partial payments.</b> Surcharge accrues on the principal still open over each interval: a part of the
 *       principal paid on day t bears surcharge from the due date to t, the rest keeps accruing. Exactly:
 *       Σ<sub>parts</sub> paid × W(t) + open × W(asOf), W being the month/day weight from the due date; rounded
 *       once.</li>
 * </ul>
 */
public final class SurchargeCalculator {

    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final SurchargePolicy policy;
    private final List<SurchargeRate> rates;

    /**
     * @param rates the policy's rate table: monthly rates for LAW_6183, annual rates for STATUTORY_INTEREST; ignored
     *              for NONE. Any order; no two rows on the same day.
     */
    public SurchargeCalculator(SurchargePolicy policy, List<SurchargeRate> rates) {
        this.policy = Objects.requireNonNull(policy, "policy");
        List<SurchargeRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(SurchargeRate::validFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
                throw new DomainException("error.surcharge.duplicateRate",
                        "two surcharge rates from " + sorted.get(i).validFrom(), sorted.get(i).validFrom());
            }
        }
        if (policy != SurchargePolicy.NONE && sorted.isEmpty()) {
            throw new DomainException("error.surcharge.noRates", "policy " + policy + " needs a rate table", policy);
        }
        this.rates = List.copyOf(sorted);
    }

    public static SurchargeCalculator none() {
        return new SurchargeCalculator(SurchargePolicy.NONE, List.of());
    }

    public SurchargePolicy policy() {
        return policy;
    }

    /** The surcharge on {@code overduePrincipal}, due on {@code dueDate}, paid (or looked at) on {@code paidOn}. */
    public Money surcharge(Money overduePrincipal, LocalDate dueDate, LocalDate paidOn) {
        return surcharge(overduePrincipal, dueDate, List.of(), paidOn);
    }

    /**
     * The surcharge accrued by {@code asOf} on a bill whose principal was paid in parts: each part bears surcharge
     * up to the day it was paid, what is still open up to {@code asOf}. Parts paid after {@code asOf} are ignored
     * (not paid yet as of that day).
     */
    public Money surcharge(Money principal, LocalDate dueDate, List<PrincipalPayment> paidParts, LocalDate asOf) {
        if (policy == SurchargePolicy.NONE) {
            return Money.ZERO;
        }
        BigDecimal rateDays = BigDecimal.ZERO;
        Money open = principal;
        for (PrincipalPayment part : paidParts) {
            if (part.on().isAfter(asOf)) {
                continue;
            }
            rateDays = rateDays.add(part.amount().amount().multiply(weight(dueDate, part.on())));
            open = open.minus(part.amount());
        }
        if (open.isNegative()) {
            throw new DomainException("error.surcharge.overpaidPrincipal",
                    "principal paid " + principal.minus(open) + " exceeds the principal " + principal, principal);
        }
        rateDays = rateDays.add(open.amount().multiply(weight(dueDate, asOf)));
        return Money.of(rateDays.divide(divisor(), Money.SCALE, Money.ROUNDING));
    }

    /**
     * The exact weight of a delay from {@code dueDate} to {@code on}, in rate-days: for 6183, Σ months × rate × 30
     * + days × rate, to be divided by 30; for statutory interest Σ days × annual rate, to be divided by 365.
     * Never decreases as {@code on} moves later.
     */
    BigDecimal weight(LocalDate dueDate, LocalDate on) {
        if (!on.isAfter(dueDate)) {
            return BigDecimal.ZERO;
        }
        return switch (policy) {
            case NONE -> BigDecimal.ZERO;
            case LAW_6183 -> lawWeight(dueDate, on);
            case STATUTORY_INTEREST -> dailyWeight(dueDate, on);
        };
    }

    private BigDecimal divisor() {
        return policy == SurchargePolicy.STATUTORY_INTEREST ? DAYS_PER_YEAR : DAYS_PER_MONTH;
    }

    private BigDecimal lawWeight(LocalDate dueDate, LocalDate on) {
        Delay delay = Delay.between(dueDate, on);
        BigDecimal w = BigDecimal.ZERO;
        for (int i = 0; i < delay.months(); i++) {
            LocalDate firstDay = dueDate.plusMonths(i).plusDays(1);
            w = w.add(rateOn(firstDay).multiply(DAYS_PER_MONTH));
        }
        if (delay.days() > 0) {
            LocalDate firstDay = dueDate.plusMonths(delay.months()).plusDays(1);
            w = w.add(rateOn(firstDay).multiply(BigDecimal.valueOf(delay.days())));
        }
        return w;
    }

    /** Each day in (dueDate, on] at the rate in force that day, walked segment by segment of the rate table. */
    private BigDecimal dailyWeight(LocalDate dueDate, LocalDate on) {
        BigDecimal w = BigDecimal.ZERO;
        LocalDate day = dueDate.plusDays(1);
        while (!day.isAfter(on)) {
            int row = rowOn(day);
            LocalDate segmentEnd = on;
            if (row + 1 < rates.size() && rates.get(row + 1).validFrom().isBefore(on.plusDays(1))) {
                segmentEnd = rates.get(row + 1).validFrom().minusDays(1);
            }
            long days = ChronoUnit.DAYS.between(day, segmentEnd) + 1;
            w = w.add(rates.get(row).rate().multiply(BigDecimal.valueOf(days)));
            day = segmentEnd.plusDays(1);
        }
        return w;
    }

    /** The rate in force on {@code day}. */
    public BigDecimal rateOn(LocalDate day) {
        return rates.get(rowOn(day)).rate();
    }

    private int rowOn(LocalDate day) {
        for (int i = rates.size() - 1; i >= 0; i--) {
            if (!rates.get(i).validFrom().isAfter(day)) {
                return i;
            }
        }
        throw new DomainException("error.surcharge.noRateOn", "no " + policy + " rate in force on " + day, policy, day);
    }
}
