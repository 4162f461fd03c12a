package org.sutahsilat.portal.lookup;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.AccountStatement;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class StatementViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static BillBalance bill(String no, int month, LocalDate due, String total, String paid) {
        return new BillBalance(month, no, BillingPeriod.of(2026, month), due, 19, Money.of(total), Money.of(paid));
    }

    private static AccountStatement statement(List<BillBalance> open) {
        Money debt = open.stream().map(BillBalance::open).reduce(Money.ZERO, Money::plus);
        return new AccountStatement(1, "Yeşilköy Köyü", "1001", "Ay*** Yı***", open, debt, 11, open);
    }

    @Test
    void showsOpenBillsWithOpenAmountsOverdueMarkerAndTotalInTurkish() {
        StatementView view = StatementView.of(statement(List.of(
                bill("A-1", 1, LocalDate.of(2026, 2, 15), "500.00", "265.44"),
                bill("A-2", 2, LocalDate.of(2026, 3, 20), "1000.00", "0.00"))), TODAY, Locale.forLanguageTag("tr"));

        assertThat(view.getMaskedName()).isEqualTo("Ay*** Yı***");
        assertThat(view.getTotalDebt()).isEqualTo("₺1.234,56");
        assertThat(view.isHasDebt()).isTrue();
        assertThat(view.getBills()).extracting(BillRow::getBillNo).containsExactly("A-1", "A-2");
        BillRow first = view.getBills().get(0);
        assertThat(first.getPeriod()).isEqualTo("Ocak 2026");
        assertThat(first.getDueDate()).isEqualTo("15.02.2026");
        assertThat(first.getTotal()).isEqualTo("₺500,00");
        assertThat(first.getOpen()).isEqualTo("₺234,56");
        assertThat(first.isOverdue()).isTrue();
        assertThat(view.getBills().get(1).isOverdue()).as("due today is not overdue yet").isFalse();
        assertThat(view.isAnyOverdue()).isTrue();
    }

    @Test
    void formatsForEnglishReaders() {
        StatementView view = StatementView.of(statement(List.of(
                bill("A-1", 1, LocalDate.of(2026, 2, 15), "1234.56", "0.00"))), TODAY, Locale.ENGLISH);
        assertThat(view.getTotalDebt()).isEqualTo("₺1,234.56");
        assertThat(view.getBills().get(0).getPeriod()).isEqualTo("January 2026");
    }

    @Test
    void noOpenBillsMeansNoDebt() {
        StatementView view = StatementView.of(statement(List.of()), TODAY, Locale.forLanguageTag("tr"));
        assertThat(view.isHasDebt()).isFalse();
        assertThat(view.getBills()).isEmpty();
        assertThat(view.getTotalDebt()).isEqualTo("₺0,00");
    }
}
