package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.billing.BillBalance;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One month of the consumption chart: the m³ billed for that period (0 when no bill) and where its bar goes in the
 * chart's SVG (drawn on the server: the portal runs no script). Twelve bars, the oldest first, ending this month.
 */
public final class ConsumptionBar implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MONTHS = 12;
    /** Geometry of the SVG viewBox (0 0 WIDTH HEIGHT): bars stand on the axis, labels under it. */
    static final int WIDTH = 360;
    static final int AXIS_Y = 125;
    static final int MAX_BAR = 100;
    static final int SLOT = WIDTH / MONTHS;
    static final int BAR_WIDTH = 20;

    private final String month;
    private final String monthLong;
    private final long m3;
    private final int x;
    private final int height;

    private ConsumptionBar(String month, String monthLong, long m3, int x, int height) {
        this.month = month;
        this.monthLong = monthLong;
        this.m3 = m3;
        this.x = x;
        this.height = height;
    }

    /** The last twelve months up to {@code current}, from the subscriber's bills in force. */
    static List<ConsumptionBar> of(List<BillBalance> bills, YearMonth current, Locale locale, PortalFormat format) {
        long[] m3 = new long[MONTHS];
        YearMonth first = current.minusMonths(MONTHS - 1L);
        for (BillBalance b : bills) {
            YearMonth period = b.period().month();
            if (!period.isBefore(first) && !period.isAfter(current)) {
                m3[(int) first.until(period, java.time.temporal.ChronoUnit.MONTHS)] += b.consumptionM3();
            }
        }
        long max = 1;
        for (long v : m3) {
            max = Math.max(max, v);
        }
        DateTimeFormatter shortMonth = DateTimeFormatter.ofPattern("MMM", locale);
        List<ConsumptionBar> bars = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            int height = (int) Math.round(m3[i] * (double) MAX_BAR / max);
            bars.add(new ConsumptionBar(shortMonth.format(month), format.period(
                    org.sutahsilat.domain.shared.BillingPeriod.of(month.getYear(), month.getMonthValue())), m3[i],
                    i * SLOT + (SLOT - BAR_WIDTH) / 2, m3[i] > 0 ? Math.max(1, height) : 0));
        }
        return bars;
    }

    public String getMonth() {
        return month;
    }

    public String getMonthLong() {
        return monthLong;
    }

    public long getM3() {
        return m3;
    }

    public int getX() {
        return x;
    }

    public int getY() {
        return AXIS_Y - height;
    }

    public int getHeight() {
        return height;
    }

    public int getLabelX() {
        return x + BAR_WIDTH / 2;
    }

    public int getValueY() {
        return AXIS_Y - height - 3;
    }
}
