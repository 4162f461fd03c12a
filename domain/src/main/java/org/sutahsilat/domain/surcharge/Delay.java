package org.sutahsilat.domain.surcharge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A delay counted from a due date the way Law 6183 art. 51 counts it: whole months, then the remaining days.
 * The due date itself is not a day of delay, the payment day is. Month {@code i} ends on
 * {@code dueDate.plusMonths(i)} (always computed from the due date, never chained, so a due date on the 31st gives
 * month ends on the 28th/29th of February and on the 31st of March): java.time's {@code plusMonths} keeps the
 * day-of-month and falls back to the month's last day when that day does not exist.
 */
public record Delay(int months, int days) {

    public static final Delay NONE = new Delay(0, 0);

    public static Delay between(LocalDate dueDate, LocalDate paidOn) {
        if (!paidOn.isAfter(dueDate)) {
            return NONE;
        }
        // ChronoUnit.MONTHS never counts more than plusMonths does (it does not clamp to the month's end): a lower bound
        int months = (int) ChronoUnit.MONTHS.between(dueDate, paidOn);
        while (!dueDate.plusMonths(months + 1L).isAfter(paidOn)) {
            months++;
        }
        int days = (int) ChronoUnit.DAYS.between(dueDate.plusMonths(months), paidOn);
        return new Delay(months, days);
    }

    public boolean isNone() {
        return months == 0 && days == 0;
    }
}
