package org.sutahsilat.domain.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptNoTest {

    @Test
    void theSequenceHasAtLeastSixDigits() {
        assertThat(Payment.receiptNo("KOY01", 2026, 1)).isEqualTo("KOY01-M2026-000001");
        assertThat(Payment.receiptNo("KOY01", 2026, 42)).isEqualTo("KOY01-M2026-000042");
        assertThat(Payment.receiptNo("KOY01", 2026, 999_999)).isEqualTo("KOY01-M2026-999999");
        assertThat(Payment.receiptNo("KOY01", 2026, 1_000_000)).isEqualTo("KOY01-M2026-1000000");
    }

    @Test
    void aSequenceBelowOneIsAMistake() {
        assertThatThrownBy(() -> Payment.receiptNo("KOY01", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
