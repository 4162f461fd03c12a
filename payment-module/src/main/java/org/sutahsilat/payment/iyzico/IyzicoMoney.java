package org.sutahsilat.payment.iyzico;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact conversions between our integer kuruş and iyzico's decimal lira amounts. */
final class IyzicoMoney {

    private IyzicoMoney() {
    }

    /** 3333 kuruş becomes 33.33 (scale 2), exactly. */
    static BigDecimal toLira(long kurus) {
        return BigDecimal.valueOf(kurus, 2);
    }

    /**
     * 33.33, 33.330 or 33.3300 become 3333 kuruş; an amount with a fraction of a kuruş, or a negative one,
     * is refused.
     *
     * @throws ArithmeticException if the amount is not a whole, non-negative number of kuruş that fits a long
     */
    static long toKurus(BigDecimal lira) {
        if (lira.signum() < 0) {
            throw new ArithmeticException("negative amount: " + lira.toPlainString());
        }
        return lira.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
