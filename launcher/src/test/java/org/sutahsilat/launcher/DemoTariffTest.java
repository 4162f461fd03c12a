package org.sutahsilat.launcher;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillComputation;
import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo tariffs, priced by the domain's bill calculator, reproduce the worked examples of domain.md. */
class DemoTariffTest {

    @Test
    void villageResidentialNineteenCubicMetres() {
        BillComputation bill = DemoData.tariffFor(true, "RESIDENTIAL").bill(InstitutionKind.VILLAGE, true, 19);
        assertThat(bill.amountOf(BillLineKind.WATER)).isEqualTo(Money.of("107.00"));
        assertThat(bill.amountOf(BillLineKind.FIXED_FEE)).isEqualTo(Money.of("10.00"));
        assertThat(bill.linesOf(BillLineKind.KDV)).isEmpty();
        assertThat(bill.linesOf(BillLineKind.CTV)).isEmpty();
        assertThat(bill.total()).isEqualTo(Money.of("117.00"));
    }

    @Test
    void municipalityResidentialThirteenCubicMetres() {
        BillComputation bill = DemoData.tariffFor(false, "RESIDENTIAL").bill(InstitutionKind.MUNICIPALITY, false, 13);
        assertThat(bill.amountOf(BillLineKind.WATER)).isEqualTo(Money.of("290.00"));
        assertThat(bill.amountOf(BillLineKind.WASTEWATER)).isEqualTo(Money.of("145.00"));
        assertThat(bill.amountOf(BillLineKind.CTV)).isEqualTo(Money.of("7.80"));
        assertThat(bill.linesOf(BillLineKind.KDV)).extracting(l -> l.amount().toString()).containsExactly("2.90", "14.50");
        assertThat(bill.total()).isEqualTo(Money.of("460.20"));
    }

    @Test
    void zeroConsumptionBillsOnlyTheFixedFee() {
        assertThat(DemoData.tariffFor(true, "LIVESTOCK").bill(InstitutionKind.VILLAGE, true, 0).total())
                .isEqualTo(Money.of("10.00"));
        assertThat(DemoData.tariffFor(false, "COMMERCIAL").bill(InstitutionKind.MUNICIPALITY, false, 0).total())
                .isEqualTo(Money.ZERO);
    }
}
