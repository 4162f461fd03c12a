package org.sutahsilat.domain.surcharge;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed surcharges (gecikme zammı); the arithmetic is in the comments. */
class SurchargeCalculatorTest {

    /** 4.5% a month until 2025-11-13 (Presidential Decision 8484), 3.7% from 2025-11-14 (Decision 10556). */
    static final List<SurchargeRate> LAW_6183_RATES = List.of(
            SurchargeRate.of("2024-05-21", "0.045"),
            SurchargeRate.of("2025-11-14", "0.037"));

    static final SurchargeCalculator LAW_6183 = new SurchargeCalculator(SurchargePolicy.LAW_6183, LAW_6183_RATES);

    /** An example statutory-interest table (annual rates): 9% then 24% from 2024-06-01. */
    static final SurchargeCalculator STATUTORY = new SurchargeCalculator(SurchargePolicy.STATUTORY_INTEREST, List.of(
            SurchargeRate.of("2006-01-01", "0.09"),
            SurchargeRate.of("2024-06-01", "0.24")));

    private static Money m(String amount) {
        return Money.of(amount);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void workedExampleOfDomainMd() {
        // due 2026-02-15, paid 2026-04-01: one month (to 03-15) + 17 days (03-16 … 04-01)
        // 150 × 0.037 = 5.55; 150 × 0.037 × 17/30 = 3.145; 5.55 + 3.145 = 8.695 → 8.70
        assertThat(Delay.between(d("2026-02-15"), d("2026-04-01"))).isEqualTo(new Delay(1, 17));
        assertThat(LAW_6183.surcharge(m("150.00"), d("2026-02-15"), d("2026-04-01"))).isEqualTo(m("8.70"));
    }

    @Test
    void roundsOnceAtTheEndNotPerPart() {
        // 150.50 × 0.037 = 5.5685; 150.50 × 0.037 × 17/30 = 3.155483…; sum 8.723983… → 8.72
        // (rounding each part first would give 5.57 + 3.16 = 8.73)
        assertThat(LAW_6183.surcharge(m("150.50"), d("2026-02-15"), d("2026-04-01"))).isEqualTo(m("8.72"));
    }

    @Test
    void nothingWhenPaidOnOrBeforeTheDueDate() {
        assertThat(LAW_6183.surcharge(m("150.00"), d("2026-02-15"), d("2026-02-15"))).isEqualTo(Money.ZERO);
        assertThat(LAW_6183.surcharge(m("150.00"), d("2026-02-15"), d("2026-02-01"))).isEqualTo(Money.ZERO);
        assertThat(STATUTORY.surcharge(m("150.00"), d("2026-02-15"), d("2026-02-15"))).isEqualTo(Money.ZERO);
    }

    @Test
    void oneDayLateIsOneDayOfSurcharge() {
        // the due date is not a day of delay, the payment day is: 150 × 0.037 / 30 = 0.185 → 0.19
        assertThat(LAW_6183.surcharge(m("150.00"), d("2026-02-15"), d("2026-02-16"))).isEqualTo(m("0.19"));
    }

    @Test
    void severalMonthsAndAPartMonth() {
        // due 2026-01-10, paid 2026-05-25: months end 02-10, 03-10, 04-10, 05-10 → 4 months, then 15 days
        // 245.80 × 0.037 × 4 = 36.3784; 245.80 × 0.037 × 15/30 = 4.5473; 40.9257 → 40.93
        assertThat(Delay.between(d("2026-01-10"), d("2026-05-25"))).isEqualTo(new Delay(4, 15));
        assertThat(LAW_6183.surcharge(m("245.80"), d("2026-01-10"), d("2026-05-25"))).isEqualTo(m("40.93"));
    }

    @Test
    void monthEndsFollowPlusMonthsFromTheDueDate() {
        // due 01-31: month 1 ends 02-28 (plusMonths clamps), month 2 ends 03-31 (counted from the due date, not 03-28)
        assertThat(Delay.between(d("2026-01-31"), d("2026-02-28"))).isEqualTo(new Delay(1, 0));
        assertThat(Delay.between(d("2026-01-31"), d("2026-03-30"))).isEqualTo(new Delay(1, 30));
        assertThat(Delay.between(d("2026-01-31"), d("2026-03-31"))).isEqualTo(new Delay(2, 0));
        assertThat(Delay.between(d("2028-01-31"), d("2028-02-29"))).isEqualTo(new Delay(1, 0));
        assertThat(Delay.between(d("2026-01-30"), d("2026-02-27"))).isEqualTo(new Delay(0, 28));
        // 100 × 0.037 = 3.70 for the month to 02-28; 30 days after it cost 100 × 0.037 × 30/30 = 3.70 more,
        // exactly what the completed second month costs: 7.40 either way
        assertThat(LAW_6183.surcharge(m("100.00"), d("2026-01-31"), d("2026-02-28"))).isEqualTo(m("3.70"));
        assertThat(LAW_6183.surcharge(m("100.00"), d("2026-01-31"), d("2026-03-30"))).isEqualTo(m("7.40"));
        assertThat(LAW_6183.surcharge(m("100.00"), d("2026-01-31"), d("2026-03-31"))).isEqualTo(m("7.40"));
    }

    @Test
    void delayAcrossTheRateChangeChargesEachMonthAtTheRateOfItsFirstDay() {
        // due 2025-10-14, paid 2026-01-20: 3 months (to 11-14, 12-14, 01-14) + 6 days (01-15 … 01-20)
        // month 1 starts 10-15 → 4.5%: 45.00; month 2 starts 11-15 → 3.7%: 37.00; month 3: 37.00
        // 6 days of the month starting 01-15 at 3.7%/30: 1000 × 0.037 × 6/30 = 7.40; total 126.40
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2025-10-14"), d("2026-01-20"))).isEqualTo(m("126.40"));
    }

    @Test
    void aMonthBegunBeforeTheChangeKeepsTheOldRate() {
        // due 2025-10-01, paid 2025-12-05: months 10-02 … 11-01 and 11-02 … 12-01 both begin before 11-14 → 4.5%
        // 1000 × 0.045 × 2 = 90.00; then 4 days of the month begun 12-02 at 3.7%/30: 4.9333…; 94.9333 → 94.93
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2025-10-01"), d("2025-12-05"))).isEqualTo(m("94.93"));
        // due 2025-10-20, paid 2025-11-16: 27 days of one begun month (first day 10-21, 4.5%), even the 3 days
        // after 11-14: 1000 × 0.045 × 27/30 = 40.50 (the day-by-day reading would give 39.70)
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2025-10-20"), d("2025-11-16"))).isEqualTo(m("40.50"));
    }

    @Test
    void surchargeNeverDecreasesAsDaysPassEvenAfterARateRise() {
        SurchargeCalculator rising = new SurchargeCalculator(SurchargePolicy.LAW_6183, List.of(
                SurchargeRate.of("2020-01-01", "0.035"), SurchargeRate.of("2026-01-02", "0.045")));
        Money previous = Money.ZERO;
        for (LocalDate day = d("2025-12-31"); day.isBefore(d("2026-04-01")); day = day.plusDays(1)) {
            Money s = rising.surcharge(m("1000.00"), d("2025-12-31"), day);
            assertThat(s).as("surcharge on %s", day).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
        // month 1 (01-01 … 01-31) began at 3.5%: 35.00; month 2 (02-01 … 02-28) at 4.5%: 45.00 → 80.00 on 02-28;
        // month 3 (03-01 … 03-31) 45.00 more → 125.00 on 03-31
        assertThat(previous).isEqualTo(m("125.00"));
        assertThat(rising.surcharge(m("1000.00"), d("2025-12-31"), d("2026-02-28"))).isEqualTo(m("80.00"));
    }

    @Test
    void partialPaymentsStopTheSurchargeOnWhatWasPaid() {
        // 1000.00 due 2026-01-10; 400.00 of principal paid 2026-02-20 (1 month + 10 days), the rest open to 04-10
        // 400 × 0.037 × (1 + 10/30) = 19.7333…; 600 × 0.037 × 3 = 66.60; 86.3333… → 86.33
        // (had nothing been paid: 1000 × 0.037 × 3 = 111.00)
        List<PrincipalPayment> paid = List.of(new PrincipalPayment(d("2026-02-20"), m("400.00")));
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2026-01-10"), paid, d("2026-04-10"))).isEqualTo(m("86.33"));
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2026-01-10"), d("2026-04-10"))).isEqualTo(m("111.00"));
        // as of 2026-02-20 the part is paid that day: 1000 × 0.037 × 4/3 = 49.3333… → 49.33
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2026-01-10"), paid, d("2026-02-20"))).isEqualTo(m("49.33"));
        // a part paid after the as-of day does not count yet
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2026-01-10"), paid, d("2026-02-10"))).isEqualTo(m("37.00"));
        // principal paid before the due date bears nothing: only 600 × 0.037 = 22.20
        List<PrincipalPayment> early = List.of(new PrincipalPayment(d("2026-01-05"), m("400.00")));
        assertThat(LAW_6183.surcharge(m("1000.00"), d("2026-01-10"), early, d("2026-02-10"))).isEqualTo(m("22.20"));
    }

    @Test
    void statutoryInterestIsSimpleAnnualPerDayAcrossRateChanges() {
        // 500 × 0.24 × 30/365 = 9.8630… → 9.86 (due 2026-03-01, paid 2026-03-31: 30 days)
        assertThat(STATUTORY.surcharge(m("500.00"), d("2026-03-01"), d("2026-03-31"))).isEqualTo(m("9.86"));
        // due 2024-05-20, paid 2024-06-10: 05-21 … 05-31 = 11 days at 9%, 06-01 … 06-10 = 10 days at 24%
        // 1000 × (0.09 × 11 + 0.24 × 10) / 365 = 3390/365 = 9.2876… → 9.29
        assertThat(STATUTORY.surcharge(m("1000.00"), d("2024-05-20"), d("2024-06-10"))).isEqualTo(m("9.29"));
        // 365 days in a leap year still /365: 1000 × 0.24 × 366/365 = 240.6575… → 240.66 (2028 is a leap year)
        assertThat(STATUTORY.surcharge(m("1000.00"), d("2027-12-31"), d("2028-12-31"))).isEqualTo(m("240.66"));
    }

    @Test
    void noneChargesNothing() {
        assertThat(SurchargeCalculator.none().surcharge(m("150.00"), d("2026-02-15"), d("2027-04-01")))
                .isEqualTo(Money.ZERO);
    }

    @Test
    void aDelayBeforeTheFirstRateIsAnError() {
        assertThatThrownBy(() -> LAW_6183.surcharge(m("10.00"), d("2023-01-01"), d("2023-03-01")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.surcharge.noRateOn");
        assertThatThrownBy(() -> new SurchargeCalculator(SurchargePolicy.LAW_6183, List.of()))
                .isInstanceOf(DomainException.class);
    }
}
