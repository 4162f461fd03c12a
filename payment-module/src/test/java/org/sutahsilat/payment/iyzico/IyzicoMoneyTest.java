package org.sutahsilat.payment.iyzico;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IyzicoMoneyTest {

    @Test
    void kurusBecomeLiraWithTwoDecimalsExactly() {
        assertThat(IyzicoMoney.toLira(3_333)).isEqualTo(new BigDecimal("33.33"));
        assertThat(IyzicoMoney.toLira(10_000)).isEqualTo(new BigDecimal("100.00"));
        assertThat(IyzicoMoney.toLira(1)).isEqualTo(new BigDecimal("0.01"));
        assertThat(IyzicoMoney.toLira(Long.MAX_VALUE)).isEqualTo(new BigDecimal("92233720368547758.07"));
    }

    @Test
    void liraBecomeKurusWhateverTheScale() {
        assertThat(IyzicoMoney.toKurus(new BigDecimal("150"))).isEqualTo(15_000);
        assertThat(IyzicoMoney.toKurus(new BigDecimal("150.0"))).isEqualTo(15_000);
        assertThat(IyzicoMoney.toKurus(new BigDecimal("33.3300"))).isEqualTo(3_333);
        assertThat(IyzicoMoney.toKurus(new BigDecimal("1E+2"))).isEqualTo(10_000);
        assertThat(IyzicoMoney.toKurus(new BigDecimal("0.01"))).isEqualTo(1);
    }

    @Test
    void fractionsOfAKurusAndNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> IyzicoMoney.toKurus(new BigDecimal("10.005"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> IyzicoMoney.toKurus(new BigDecimal("-1.00"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> IyzicoMoney.toKurus(new BigDecimal("1E+30"))).isInstanceOf(ArithmeticException.class);
    }
}
