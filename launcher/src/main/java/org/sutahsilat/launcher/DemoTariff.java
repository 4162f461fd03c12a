package org.sutahsilat.launcher;

import org.sutahsilat.domain.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One tariff version as the demo data stores it, and the bill lines it produces for a consumption:
 * progressive tiers, fixed fee, wastewater as a share of water, ÇTV per m³, KDV per line kind.
 * Every line is rounded half-up to the kuruş; the bill total is the sum of the rounded lines.
 */
record DemoTariff(List<Tier> tiers, Money fixedFee, BigDecimal wastewaterShare, BigDecimal ctvPerM3,
                  BigDecimal kdvWaterRate, BigDecimal kdvWastewaterRate) {

    /** A consumption slice [fromM3, toM3) at a unit price; toM3 null means "and above". */
    record Tier(long fromM3, Long toM3, BigDecimal unitPrice) {
    }

    /** A computed bill line. quantity and unitPrice are null where they do not apply. */
    record Line(String kind, String description, BigDecimal quantity, BigDecimal unitPrice, Money amount,
                BigDecimal kdvRate) {
    }

    DemoTariff {
        tiers = List.copyOf(tiers);
    }

    List<Line> lines(long consumptionM3) {
        List<Line> lines = new ArrayList<>();
        Money water = Money.ZERO;
        for (Tier tier : tiers) {
            long upper = tier.toM3() == null ? consumptionM3 : Math.min(consumptionM3, tier.toM3());
            long slice = upper - tier.fromM3();
            if (slice <= 0) {
                continue;
            }
            BigDecimal quantity = BigDecimal.valueOf(slice);
            Money amount = Money.times(tier.unitPrice(), quantity);
            water = water.plus(amount);
            String range = tier.toM3() == null ? tier.fromM3() + "+ m³" : tier.fromM3() + "–" + tier.toM3() + " m³";
            lines.add(new Line("WATER", "Su bedeli (" + range + ")", quantity, tier.unitPrice(), amount, kdvWaterRate));
        }
        Money wastewater = Money.ZERO;
        if (wastewaterShare.signum() > 0 && water.isPositive()) {
            wastewater = water.multiply(wastewaterShare);
            lines.add(new Line("WASTEWATER", "Atıksu bedeli (su bedelinin %"
                    + wastewaterShare.movePointRight(2).stripTrailingZeros().toPlainString() + "'i)",
                    null, null, wastewater, kdvWastewaterRate));
        }
        if (fixedFee.isPositive()) {
            lines.add(new Line("FIXED_FEE", "Sabit ücret", BigDecimal.ONE, fixedFee.amount(), fixedFee, BigDecimal.ZERO));
        }
        if (ctvPerM3.signum() > 0 && consumptionM3 > 0) {
            BigDecimal quantity = BigDecimal.valueOf(consumptionM3);
            lines.add(new Line("CTV", "Çevre temizlik vergisi", quantity, ctvPerM3, Money.times(ctvPerM3, quantity),
                    BigDecimal.ZERO));
        }
        addKdv(lines, water, kdvWaterRate, "su");
        addKdv(lines, wastewater, kdvWastewaterRate, "atıksu");
        return lines;
    }

    static Money total(List<Line> lines) {
        Money total = Money.ZERO;
        for (Line line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

    private static void addKdv(List<Line> lines, Money base, BigDecimal rate, String what) {
        if (rate.signum() <= 0 || !base.isPositive()) {
            return;
        }
        String percent = rate.movePointRight(2).stripTrailingZeros().toPlainString();
        lines.add(new Line("KDV", "KDV %" + percent + " (" + what + ")", null, null, base.multiply(rate), rate));
    }
}
