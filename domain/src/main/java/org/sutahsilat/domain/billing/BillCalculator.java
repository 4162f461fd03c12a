package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffRules;
import org.sutahsilat.domain.tariff.TariffTier;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices one period's consumption with a tariff version: pure arithmetic, no database, no clock, thread-safe.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Version.</b> The version in force on the period's reading date ({@link Tariff#versionOn}); none in force is
 *     {@code error.tariff.noVersionOn}. The result is a value ({@link BillComputation}): a later version never changes
 *     a bill already computed.</li>
 * <li><b>Tiers</b> (validated by {@link TariffRules#checkPricing}). A tier {@code from–to} covers the consumption
 *     values {@code from+1 … to}: the upper bound belongs to the lower tier (İSKİ: "0–15 (15 dahil)").
 *     <em>Progressive</em>: each tier with a positive slice {@code min(c, to) − from} gives one WATER line,
 *     slice m³ × tier price. <em>Whole band</em>: the whole consumption at the price of the tier with
 *     {@code from < c ≤ to}, one WATER line. No WATER line at 0 m³.</li>
 * <li><b>Minimum charge</b> (asgari ücret). The water amount W is the sum of the rounded WATER lines. When the
 *     version's minimum charge M is positive and W &lt; M, a MINIMUM_CHARGE line of M − W tops the water up to M;
 *     otherwise there is no such line. It is part of the price of water: it bears the water KDV rate. The fixed fee,
 *     wastewater and ÇTV neither count towards the minimum nor are raised by it.</li>
 * <li><b>Wastewater</b> (atıksu). PER_M3: consumption × value. SHARE_OF_WATER: W × value (0.5 is 50%), on the
 *     metered water amount W, without the minimum-charge top-up. KDV at the wastewater rate.</li>
 * <li><b>Fixed fee</b> (sabit ücret): every period, whatever the consumption, at the fixed-fee KDV rate.</li>
 * <li><b>ÇTV</b>: consumption × ÇTV per m³, for a MUNICIPALITY only; a village never charges ÇTV, even when its
 *     tariff lists it (the tariff admin rejects that with {@link TariffRules#check}). ÇTV bears no KDV.</li>
 * <li><b>KDV</b>. Each line gets its kind's rate from the version (WATER and MINIMUM_CHARGE: water rate; WASTEWATER:
 *     wastewater rate; FIXED_FEE: fixed-fee rate; CTV: 0); every rate is 0 for a KDV-exempt institution (village
 *     water, KDV Law 17/4-h). Then one KDV line per distinct positive rate, in ascending rate order: its base is the
 *     sum of the already rounded lines bearing that rate, its amount base × rate rounded half-up once.</li>
 * <li><b>Rounding.</b> Every line is rounded half-up to the kuruş once (m³ × unit price is multiplied exactly, then
 *     rounded); the total is the sum of the rounded lines. A line whose amount is 0.00 is left out, except a WATER
 *     line: every tier that consumption reaches is shown, even at price 0 (a free tier).</li>
 * </ol>
 */
public final class BillCalculator {

    /** Prices the consumption with the version of the tariff in force on the reading date. */
    public BillComputation compute(Institution institution, Tariff tariff, LocalDate readingDate,
                                   CubicMeters consumption) {
        TariffVersion version = tariff.versionOn(readingDate).orElseThrow(() -> new DomainException(
                "error.tariff.noVersionOn", "tariff '" + tariff.getName() + "' has no version in force on "
                + readingDate, tariff.getName(), readingDate));
        return compute(institution, version, consumption);
    }

    public BillComputation compute(Institution institution, TariffVersion version, CubicMeters consumption) {
        return compute(institution.getKind(), institution.isKdvExempt(), version, consumption);
    }

    /** For a billing run that holds the institution's kind and exemption rather than the entity. */
    public BillComputation compute(InstitutionKind kind, boolean kdvExempt, TariffVersion version,
                                   CubicMeters consumption) {
        TariffRules.checkPricing(version);
        long c = consumption.value();
        BigDecimal m3 = BigDecimal.valueOf(c);
        BigDecimal waterRate = kdvExempt ? BigDecimal.ZERO : version.getKdvWaterRate();
        BigDecimal wastewaterRate = kdvExempt ? BigDecimal.ZERO : version.getKdvWastewaterRate();
        BigDecimal fixedFeeRate = kdvExempt ? BigDecimal.ZERO : version.getKdvFixedFeeRate();
        List<ComputedLine> lines = new ArrayList<>();

        Money water = version.getTierMode() == TierMode.PROGRESSIVE
                ? progressive(version.getTiers(), c, waterRate, lines)
                : wholeBand(version.getTiers(), c, waterRate, lines);

        Money minimum = version.getMinimumCharge();
        if (minimum.isPositive() && water.compareTo(minimum) < 0) {
            lines.add(new ComputedLine(BillLineKind.MINIMUM_CHARGE, "bill.line.minimumCharge",
                    List.of(minimum, water), null, null, minimum.minus(water), waterRate));
        }

        BigDecimal wastewaterValue = version.getWastewaterValue();
        switch (version.getWastewaterMode()) {
            case PER_M3 -> addIfNotZero(lines, new ComputedLine(BillLineKind.WASTEWATER, "bill.line.wastewater.perM3",
                    List.of(), m3, wastewaterValue, Money.times(wastewaterValue, m3), wastewaterRate));
            case SHARE_OF_WATER -> addIfNotZero(lines, new ComputedLine(BillLineKind.WASTEWATER,
                    "bill.line.wastewater.share", List.of(percent(wastewaterValue), water), null, null,
                    water.multiply(wastewaterValue), wastewaterRate));
            case NONE -> {
            }
        }

        Money fixedFee = version.getFixedFee();
        addIfNotZero(lines, new ComputedLine(BillLineKind.FIXED_FEE, "bill.line.fixedFee", List.of(),
                BigDecimal.ONE, fixedFee.amount(), fixedFee, fixedFeeRate));

        if (kind == InstitutionKind.MUNICIPALITY) {
            BigDecimal ctv = version.getCtvPerM3();
            addIfNotZero(lines, new ComputedLine(BillLineKind.CTV, "bill.line.ctv", List.of(), m3, ctv,
                    Money.times(ctv, m3), BigDecimal.ZERO));
        }

        addKdv(lines);

        Money total = Money.ZERO;
        for (ComputedLine line : lines) {
            total = total.plus(line.amount());
        }
        return new BillComputation(version.getId(), version.getValidFrom(), version.getTierMode(), consumption,
                lines, total);
    }

    private static Money progressive(List<TariffTier> tiers, long c, BigDecimal kdvRate, List<ComputedLine> lines) {
        Money water = Money.ZERO;
        for (TariffTier tier : tiers) {
            long upper = tier.getToM3() == null ? c : Math.min(c, tier.getToM3());
            long slice = upper - tier.getFromM3();
            if (slice <= 0) {
                break;
            }
            BigDecimal quantity = BigDecimal.valueOf(slice);
            Money amount = Money.times(tier.getUnitPrice(), quantity);
            water = water.plus(amount);
            lines.add(waterLine(tier, "bill.line.water.tier", quantity, amount, kdvRate));
        }
        return water;
    }

    private static Money wholeBand(List<TariffTier> tiers, long c, BigDecimal kdvRate, List<ComputedLine> lines) {
        if (c == 0) {
            return Money.ZERO;
        }
        for (TariffTier tier : tiers) {
            if (tier.getToM3() == null || c <= tier.getToM3()) {
                BigDecimal quantity = BigDecimal.valueOf(c);
                Money amount = Money.times(tier.getUnitPrice(), quantity);
                lines.add(waterLine(tier, "bill.line.water.band", quantity, amount, kdvRate));
                return amount;
            }
        }
        throw new IllegalStateException("a validated tier table ends with an open-ended tier");
    }

    private static ComputedLine waterLine(TariffTier tier, String key, BigDecimal quantity, Money amount,
                                          BigDecimal kdvRate) {
        List<Object> bounds = tier.getToM3() == null ? List.of(tier.getFromM3())
                : List.of(tier.getFromM3(), tier.getToM3());
        return new ComputedLine(BillLineKind.WATER, tier.getToM3() == null ? key + "Open" : key, bounds, quantity,
                tier.getUnitPrice(), amount, kdvRate);
    }

    private static void addKdv(List<ComputedLine> lines) {
        Map<BigDecimal, Money> baseByRate = new TreeMap<>();
        for (ComputedLine line : lines) {
            if (line.kdvRate().signum() > 0) {
                baseByRate.merge(line.kdvRate(), line.amount(), Money::plus);
            }
        }
        for (Map.Entry<BigDecimal, Money> e : baseByRate.entrySet()) {
            BigDecimal rate = e.getKey();
            Money base = e.getValue();
            addIfNotZero(lines, new ComputedLine(BillLineKind.KDV, "bill.line.kdv", List.of(percent(rate), base),
                    null, null, base.multiply(rate), rate));
        }
    }

    private static void addIfNotZero(List<ComputedLine> lines, ComputedLine line) {
        if (!line.amount().isZero()) {
            lines.add(line);
        }
    }

    /** 0.0100 → 1, 0.5 → 50, 0.125 → 12.5 (for the description only). */
    private static BigDecimal percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0, RoundingMode.UNNECESSARY) : p;
    }
}
