package org.sutahsilat.launcher;

import org.sutahsilat.domain.billing.BillCalculator;
import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.WastewaterMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One tariff version as the demo data stores it: progressive tiers, fixed fee, wastewater as a share of water,
 * ÇTV per m³, KDV rates. Its bills come from the domain's {@link BillCalculator}.
 */
record DemoTariff(List<Tier> tiers, Money fixedFee, BigDecimal wastewaterShare, BigDecimal ctvPerM3,
                  BigDecimal kdvWaterRate, BigDecimal kdvWastewaterRate) {

    private static final BillCalculator CALCULATOR = new BillCalculator();

    /** A consumption slice [fromM3, toM3) at a unit price; toM3 null means "and above". */
    record Tier(long fromM3, Long toM3, BigDecimal unitPrice) {
    }

    DemoTariff {
        tiers = List.copyOf(tiers);
    }

    /** The bill of a consumption, priced by the domain's {@link BillCalculator} (the same code as billing runs). */
    BillComputation bill(InstitutionKind kind, boolean kdvExempt, long consumptionM3) {
        return CALCULATOR.compute(kind, kdvExempt, toVersion(), CubicMeters.of(consumptionM3));
    }

    /** This demo tariff as a domain tariff version (in memory; the demo writes its rows with JDBC). */
    TariffVersion toVersion() {
        TariffVersion version = TariffVersion.of(Tariff.create(0L, SubscriberCategory.RESIDENTIAL, "demo"),
                LocalDate.of(2000, 1, 1), TierMode.PROGRESSIVE, Instant.EPOCH);
        for (Tier tier : tiers) {
            version.tier(tier.fromM3(), tier.toM3(), tier.unitPrice());
        }
        return version.fees(fixedFee, Money.ZERO)
                .wastewater(wastewaterShare.signum() > 0 ? WastewaterMode.SHARE_OF_WATER : WastewaterMode.NONE,
                        wastewaterShare)
                .ctv(ctvPerM3)
                .kdv(kdvWaterRate, kdvWastewaterRate, BigDecimal.ZERO);
    }
}
