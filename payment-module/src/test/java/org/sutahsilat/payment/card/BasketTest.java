package org.sutahsilat.payment.card;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.payment.OpenBill;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasketTest {

    private static final List<OpenBill> OPEN = List.of(
            bill(1, "2026-01-15", "100.00", "8.02"),
            bill(2, "2026-02-15", "120.00", "5.18"),
            bill(3, "2026-03-15", "90.00", "0.56"));

    @Test
    void noPickMeansAllOpenBillsWithTheirSurchargeInKurus() {
        Basket basket = Basket.choose(OPEN, List.of());

        assertThat(basket.lines()).extracting(l -> l.billId() + ":" + l.amountKurus())
                .containsExactly("1:10802", "2:12518", "3:9056");
        assertThat(basket.totalKurus()).isEqualTo(32_376);
    }

    @Test
    void aPrefixInDueOrderIsAllowedInAnyOrderOfPicking() {
        Basket basket = Basket.choose(OPEN, List.of(2L, 1L));

        assertThat(basket.lines()).extracting(Basket.Line::billId).containsExactly(1L, 2L);
        assertThat(basket.totalKurus()).isEqualTo(23_320);
    }

    @Test
    void skippingAnOlderBillIsRefused() {
        assertThatThrownBy(() -> Basket.choose(OPEN, List.of(2L)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.oldestFirst");
        assertThatThrownBy(() -> Basket.choose(OPEN, List.of(1L, 3L)))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.oldestFirst");
    }

    @Test
    void aBillThatIsNotOpenForTheSubscriberIsRefused() {
        assertThatThrownBy(() -> Basket.choose(OPEN, List.of(1L, 99L)))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.billNotOpen");
    }

    @Test
    void nothingOpenIsNothingToPay() {
        assertThatThrownBy(() -> Basket.choose(List.of(), List.of()))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("card.error.nothingToPay");
    }

    private static OpenBill bill(long id, String due, String principal, String surcharge) {
        LocalDate d = LocalDate.parse(due);
        return new OpenBill(id, "F-" + id, BillingPeriod.containing(d.minusMonths(1)), d,
                Money.of(principal), Money.of(surcharge));
    }
}
