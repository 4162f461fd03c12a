package org.sutahsilat.domain.tariff;

import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The terms of a tariff version before it is saved (what the admin form holds), and a saved version's terms as a
 * value (what the pages show). Amounts in TRY; rates as fractions (0.01 is 1%); a wastewater share as a fraction
 * of the water amount (0.5 is 50%). {@link TariffService} checks a draft with {@link TariffRules} before saving it.
 *
 * @param validFrom         the first day the version is in force
 * @param tiers             the tier table in order, the last one open-ended
 * @param wastewaterValue   TRY per m³ (PER_M3) or a fraction of the water amount (SHARE_OF_WATER); 0 for NONE
 */
public record VersionDraft(LocalDate validFrom, TierMode tierMode, List<TierDraft> tiers, BigDecimal fixedFee,
                           BigDecimal minimumCharge, WastewaterMode wastewaterMode, BigDecimal wastewaterValue,
                           BigDecimal ctvPerM3, BigDecimal kdvWaterRate, BigDecimal kdvWastewaterRate,
                           BigDecimal kdvFixedFeeRate) implements Serializable {

    /** Unit prices, the wastewater value and ÇTV are kept to 4 decimals; fees to the kuruş; rates to 4 decimals. */
    public static final int PRICE_SCALE = 4;

    public VersionDraft {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The terms of a saved version (to show it, or to pre-fill the next one). */
    public static VersionDraft of(TariffVersion v) {
        // at the scales of the columns, so that a version just saved and the same version read back are equal
        return new VersionDraft(v.getValidFrom(), v.getTierMode(), v.getTiers().stream().map(TierDraft::of).toList(),
                v.getFixedFee().amount(), v.getMinimumCharge().amount(), v.getWastewaterMode(),
                fourDecimals(v.getWastewaterValue()), fourDecimals(v.getCtvPerM3()), fourDecimals(v.getKdvWaterRate()),
                fourDecimals(v.getKdvWastewaterRate()), fourDecimals(v.getKdvFixedFeeRate()));
    }

    /**
     * A starting point for an institution's first tariff of a category: one free open-ended tier to edit, no fees,
     * no wastewater, no ÇTV; KDV 0 for a village (its water is exempt, KDV Law 17/4-h), 1% on water for a
     * municipality (since February 2022) and 10% on wastewater and the fixed fee (a setting: check the current rate).
     */
    public static VersionDraft defaults(InstitutionKind kind, LocalDate validFrom) {
        boolean village = kind == InstitutionKind.VILLAGE;
        return new VersionDraft(validFrom, TierMode.PROGRESSIVE,
                List.of(new TierDraft(0, null, BigDecimal.ZERO.setScale(PRICE_SCALE))), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), WastewaterMode.NONE, BigDecimal.ZERO, BigDecimal.ZERO,
                village ? BigDecimal.ZERO : new BigDecimal("0.01"), village ? BigDecimal.ZERO : new BigDecimal("0.10"),
                village ? BigDecimal.ZERO : new BigDecimal("0.10"));
    }

    /** The same terms from another day. */
    public VersionDraft from(LocalDate day) {
        return new VersionDraft(day, tierMode, tiers, fixedFee, minimumCharge, wastewaterMode, wastewaterValue,
                ctvPerM3, kdvWaterRate, kdvWastewaterRate, kdvFixedFeeRate);
    }

    /**
     * Checks the draft, then builds the version on the tariff (only once the draft passed on a scratch version, so
     * that nothing invalid is ever attached to a real tariff).
     */
    TariffVersion buildOn(Tariff tariff, InstitutionKind kind, Instant now, Long createdBy) {
        validate(kind);
        return build(tariff, now).createdBy(createdBy);
    }

    /**
     * Every rule a draft must satisfy that depends neither on the tariff's other versions nor on billing: what
     * {@link TariffRules} cannot see on a built version (a missing value, more decimals than the columns keep, a tier
     * table the entity would not even accept), then {@link TariffRules#check} on a scratch version.
     *
     * @return that scratch version, never saved (for a preview with {@code BillCalculator})
     */
    public TariffVersion validate(InstitutionKind kind) {
        if (validFrom == null) {
            throw new DomainException("error.tariff.validFrom.required", "the version needs an effective date");
        }
        if (tierMode == null) {
            throw new DomainException("error.tariff.required", "tierMode is required", "tierMode");
        }
        if (wastewaterMode == null) {
            throw new DomainException("error.tariff.required", "wastewaterMode is required", "wastewaterMode");
        }
        TariffRules.checkTiers(tiers);
        for (TierDraft tier : tiers) {
            scale(tier.unitPrice(), PRICE_SCALE, "unitPrice");
        }
        scale(fixedFee, Money.SCALE, "fixedFee");
        scale(minimumCharge, Money.SCALE, "minimumCharge");
        scale(wastewaterMode == WastewaterMode.NONE ? BigDecimal.ZERO : wastewaterValue, PRICE_SCALE,
                "wastewaterValue");
        scale(ctvPerM3, PRICE_SCALE, "ctvPerM3");
        scale(kdvWaterRate, PRICE_SCALE, "kdvWaterRate");
        scale(kdvWastewaterRate, PRICE_SCALE, "kdvWastewaterRate");
        scale(kdvFixedFeeRate, PRICE_SCALE, "kdvFixedFeeRate");
        if (wastewaterMode != WastewaterMode.NONE && wastewaterValue.signum() == 0) {
            throw new DomainException("error.tariff.wastewater.zero",
                    "wastewater is charged " + wastewaterMode + " but its value is 0; choose NONE or set a value",
                    wastewaterMode.name());
        }
        TariffVersion scratch = build(Tariff.create(0L, null, "draft"), Instant.EPOCH);
        TariffRules.check(scratch, kind);
        return scratch;
    }

    private TariffVersion build(Tariff tariff, Instant now) {
        TariffVersion v = TariffVersion.of(tariff, validFrom, tierMode, now)
                .fees(Money.of(fixedFee), Money.of(minimumCharge))
                .wastewater(wastewaterMode, wastewaterMode == WastewaterMode.NONE ? BigDecimal.ZERO : wastewaterValue)
                .ctv(ctvPerM3)
                .kdv(kdvWaterRate, kdvWastewaterRate, kdvFixedFeeRate);
        for (TierDraft t : tiers) {
            v.tier(t.fromM3(), t.toM3(), t.unitPrice().setScale(PRICE_SCALE));
        }
        return v;
    }

    private static BigDecimal fourDecimals(BigDecimal value) {
        return value.setScale(PRICE_SCALE, java.math.RoundingMode.HALF_UP);
    }

    private static void scale(BigDecimal value, int maxScale, String field) {
        if (value == null) {
            throw new DomainException("error.tariff.required", field + " is required", field);
        }
        if (value.stripTrailingZeros().scale() > maxScale) {
            throw new DomainException("error.tariff.tooPrecise",
                    field + " has more than " + maxScale + " decimals: " + value.toPlainString(), field, maxScale);
        }
    }
}
