package org.sutahsilat.domain.document;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillLineKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillDocumentTest {

    /** domain.md's village example: 19 m³, progressive tiers, fixed fee 10.00, no KDV: total 117.00. */
    private static BillDocument.Builder village() {
        return BillDocument.builder()
                .institutionName("Çamlıca Köyü")
                .subscriber(SubscriberNo.of("42"), "Ay*** Yı***")
                .category(SubscriberCategory.RESIDENTIAL)
                .previousIndex(100, LocalDate.of(2026, 2, 10))
                .currentIndex(119, LocalDate.of(2026, 3, 10))
                .period(BillingPeriod.of(2026, 3))
                .line(BillLineKind.WATER, "Su bedeli (0–8 m³ kademesi)", new BigDecimal("8"), new BigDecimal("4"),
                        Money.of("32.00"))
                .line(BillLineKind.WATER, "Su bedeli (8–16 m³ kademesi)", new BigDecimal("8"), new BigDecimal("6"),
                        Money.of("48.00"))
                .line(BillLineKind.WATER, "Su bedeli (16 m³ üzeri kademe)", new BigDecimal("3"), new BigDecimal("9"),
                        Money.of("27.00"))
                .line(BillLineKind.FIXED_FEE, "Sabit ücret", BigDecimal.ONE, new BigDecimal("10"), Money.of("10.00"))
                .dueDate(LocalDate.of(2026, 3, 20))
                .paymentCode(new PaymentCode("ABCD2345"))
                .billNo("2026-03-000001")
                .issueDate(LocalDate.of(2026, 3, 10))
                .portalUrl(URI.create("https://portal.example/fatura/2026-03-000001"));
    }

    @Test
    void theBuilderSumsTheLinesAndAddsDebtAndSurchargeToTheAmountToPay() {
        BillDocument bill = village().previousDebt(Money.of("150.00")).lateSurcharge(Money.of("8.70")).build();

        assertThat(bill.periodTotal()).isEqualTo(Money.of("117.00"));
        assertThat(bill.amountToPay()).isEqualTo(Money.of("275.70"));
        assertThat(bill.consumptionM3()).isEqualTo(19);
        assertThat(bill.lines()).hasSize(4);
    }

    @Test
    void withoutDebtTheAmountToPayIsThePeriodTotal() {
        BillDocument bill = village().build();

        assertThat(bill.previousDebt()).isEqualTo(Money.ZERO);
        assertThat(bill.lateSurcharge()).isEqualTo(Money.ZERO);
        assertThat(bill.amountToPay()).isEqualTo(Money.of("117.00"));
    }

    @Test
    void aPeriodTotalThatIsNotTheSumOfTheLinesIsRefused() {
        assertThatThrownBy(() -> village().periodTotal(Money.of("117.01")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum of the lines");
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> village().billNo(" ").build()).hasMessageContaining("billNo");
        assertThatThrownBy(() -> village().portalUrl(null).build()).hasMessageContaining("portalUrl");
        assertThatThrownBy(() -> village().portalUrl(URI.create("/fatura/1")).build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> village().subscriber(SubscriberNo.of("42"), "").build())
                .hasMessageContaining("maskedName");
    }

    @Test
    void theLinesCannotBeChangedAfterwards() {
        BillDocument bill = village().build();
        assertThatThrownBy(() -> bill.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
