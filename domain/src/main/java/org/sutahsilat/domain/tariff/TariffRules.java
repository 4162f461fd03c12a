package org.sutahsilat.domain.tariff;

import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules a tariff version must satisfy before it can price a bill.
 *
 * <p>Tier table (kademe): at least one tier; the first starts at 0 m³; each next tier starts where the previous one
 * ends (no gap, no overlap); every bounded tier ends after it starts; only the last tier is open-ended and the last
 * one must be. A tier written {@code 8–16} covers the consumption values 9…16: the upper bound belongs to the tier
 * (as İSKİ writes it: "0–15 (15 dahil)"), so in whole-band mode exactly 8 m³ is billed at the first tier's price and
 * exactly 16 m³ at the second's. Prices are not required to increase (some commercial tariffs fall with volume).
 *
 * <p>Amounts and rates: no negative price, fee, minimum charge, wastewater value or ÇTV; KDV rates between 0 and 1
 * (a fraction: 0.01 is 1%); a wastewater share is a fraction of the water amount (0.5 is 50%) and at most 1 is not
 * required (a utility may bill wastewater above the water price).
 *
 * <p>{@link #check(TariffVersion, InstitutionKind)} is what the tariff admin service runs before saving a version:
 * it also rejects ÇTV in a village's tariff, because ÇTV is a municipal tax (Law 2464 art. 44) and villages never
 * charge it. The bill calculator runs {@link #checkPricing(TariffVersion)} only and ignores a village tariff's ÇTV, so
 * that a version saved before this rule existed still bills correctly instead of stopping a billing run.
 */
public final class TariffRules {

    private TariffRules() {
    }

    /** Everything: {@link #checkPricing} plus the rules that depend on the institution's kind. */
    public static void check(TariffVersion version, InstitutionKind kind) {
        checkPricing(version);
        if (kind == InstitutionKind.VILLAGE && version.getCtvPerM3().signum() != 0) {
            throw new DomainException("error.tariff.ctvInVillage",
                    "a village does not charge ÇTV (environmental cleaning tax); set ÇTV per m³ to 0");
        }
    }

    /** The tier table and the amounts of a version; throws a {@link DomainException} naming the first broken rule. */
    public static void checkPricing(TariffVersion version) {
        checkTiers(version.getTiers());
        notNegative(version.getFixedFee(), "fixedFee");
        notNegative(version.getMinimumCharge(), "minimumCharge");
        notNegative(version.getWastewaterValue(), "wastewaterValue");
        notNegative(version.getCtvPerM3(), "ctvPerM3");
        rate(version.getKdvWaterRate(), "kdvWaterRate");
        rate(version.getKdvWastewaterRate(), "kdvWastewaterRate");
        rate(version.getKdvFixedFeeRate(), "kdvFixedFeeRate");
    }

    /** The tier table, in its order ({@code seq}). */
    public static void checkTiers(List<? extends TierLimits> tiers) {
        if (tiers.isEmpty()) {
            throw new DomainException("error.tariff.tiers.empty", "a tariff version needs at least one tier");
        }
        TierLimits first = tiers.get(0);
        if (first.getFromM3() != 0) {
            throw new DomainException("error.tariff.tiers.notFromZero",
                    "the first tier must start at 0 m³, not at " + first.getFromM3(), first.getFromM3());
        }
        long expectedFrom = 0;
        for (int i = 0; i < tiers.size(); i++) {
            TierLimits tier = tiers.get(i);
            int number = i + 1;
            boolean last = i == tiers.size() - 1;
            if (tier.getFromM3() != expectedFrom) {
                throw new DomainException("error.tariff.tiers.notContiguous",
                        "tier " + number + " starts at " + tier.getFromM3() + " m³ but the previous tier ends at "
                                + expectedFrom + " m³", number, tier.getFromM3(), expectedFrom);
            }
            if (tier.getUnitPrice() == null || tier.getUnitPrice().signum() < 0) {
                throw new DomainException("error.tariff.tiers.price",
                        "tier " + number + " needs a unit price of 0 or more", number);
            }
            if (tier.getToM3() == null) {
                if (!last) {
                    throw new DomainException("error.tariff.tiers.openNotLast",
                            "only the last tier may be open-ended; tier " + number + " is open-ended", number);
                }
                return;
            }
            if (tier.getToM3() <= tier.getFromM3()) {
                throw new DomainException("error.tariff.tiers.notIncreasing",
                        "tier " + number + " must end after it starts (" + tier.getFromM3() + "–" + tier.getToM3()
                                + " m³)", number, tier.getFromM3(), tier.getToM3());
            }
            if (last) {
                throw new DomainException("error.tariff.tiers.lastBounded",
                        "the last tier must be open-ended (\"" + tier.getFromM3() + " m³ and above\"); it ends at "
                                + tier.getToM3() + " m³", number, tier.getToM3());
            }
            expectedFrom = tier.getToM3();
        }
    }

    private static void notNegative(Money value, String field) {
        if (value == null || value.isNegative()) {
            throw new DomainException("error.tariff.negative", field + " must be 0 or more", field);
        }
    }

    private static void notNegative(BigDecimal value, String field) {
        if (value == null || value.signum() < 0) {
            throw new DomainException("error.tariff.negative", field + " must be 0 or more", field);
        }
    }

    private static void rate(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("error.tariff.kdvRate",
                    field + " must be a fraction between 0 and 1 (0.01 is 1%), not " + value, field, value);
        }
    }
}
