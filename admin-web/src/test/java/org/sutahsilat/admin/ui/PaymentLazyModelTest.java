package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentLazyModelTest {

    @Test
    void newestFirstUnlessAWhitelistedColumnIsSorted() {
        assertThat(PaymentLazyModel.page(40, 20, Map.of())).isEqualTo(new PageRequest(40, 20, "paidAt", false));
        assertThat(PaymentLazyModel.page(0, 20, Map.of("amount",
                SortMeta.builder().field("amount").order(SortOrder.ASCENDING).build())))
                .isEqualTo(new PageRequest(0, 20, "amount", true));
        // a crafted sort field never reaches the query
        assertThat(PaymentLazyModel.page(0, 20, Map.of("x",
                SortMeta.builder().field("p.id; DROP TABLE payment").order(SortOrder.ASCENDING).build())))
                .isEqualTo(new PageRequest(0, 20, "paidAt", false));
        assertThat(PaymentLazyModel.page(-5, 100_000, null)).isEqualTo(new PageRequest(0, PageRequest.MAX_LIMIT,
                "paidAt", false));
    }
}
