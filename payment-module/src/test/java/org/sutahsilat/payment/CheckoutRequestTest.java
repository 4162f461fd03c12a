package org.sutahsilat.payment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutRequestTest {

    private static final String TCKN = "10000000146";

    @Test
    void theTotalIsTheExactSumOfTheItems() {
        CheckoutRequest request = request(List.of(item("A", 3_333), item("B", 3_333), item("C", 3_334)));

        assertThat(request.totalKurus()).isEqualTo(10_000);
    }

    @Test
    void aBasketNeedsAtLeastOneItemWithAPositiveAmount() {
        assertThatThrownBy(() -> request(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("A", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("A", -100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTotalBeyondALongIsRefused() {
        assertThatThrownBy(() -> request(List.of(item("A", Long.MAX_VALUE), item("B", 1))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theItemsCannotBeChangedAfterwards() {
        List<CheckoutRequest.BasketItem> items = new ArrayList<>(List.of(item("A", 100)));
        CheckoutRequest request = request(items);
        items.add(item("B", 900));

        assertThat(request.items()).hasSize(1);
        assertThat(request.totalKurus()).isEqualTo(100);
    }

    @Test
    void theBuyersPersonalDataIsNotPrinted() {
        CheckoutRequest request = request(List.of(item("A", 100)));

        assertThat(request.toString()).contains("SUB-42").doesNotContain(TCKN).doesNotContain("ayse@example.org")
                .doesNotContain("+905551112233");
    }

    @Test
    void requiredFieldsMustNotBeBlank() {
        assertThatThrownBy(() -> new CheckoutRequest(" ", "B", "https://cb", buyer(), List.of(item("A", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversationId");
        assertThatThrownBy(() -> new CheckoutRequest.Buyer("SUB-42", "Ayşe", "Yılmaz", null, "a@b.org", "",
                "Köy", "Kastamonu", "Turkey", "85.34.78.112"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identityNumber");
    }

    private static CheckoutRequest.BasketItem item(String id, long kurus) {
        return new CheckoutRequest.BasketItem(id, "Su bedeli " + id, "Su", kurus);
    }

    private static CheckoutRequest.Buyer buyer() {
        return new CheckoutRequest.Buyer("SUB-42", "Ayşe", "Yılmaz", "+905551112233", "ayse@example.org", TCKN,
                "Çamlıca Köyü No: 12", "Kastamonu", "Turkey", "85.34.78.112");
    }

    private static CheckoutRequest request(List<CheckoutRequest.BasketItem> items) {
        return new CheckoutRequest("attempt-1", "BILL-1", "https://portal.example.org/odeme/donus", buyer(), items);
    }
}
