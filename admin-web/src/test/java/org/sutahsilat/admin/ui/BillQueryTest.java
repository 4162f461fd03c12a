package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.billing.BillFilter;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sutahsilat.admin.ui.SubscriberQueryTest.filter;
import static org.sutahsilat.admin.ui.SubscriberQueryTest.sort;

class BillQueryTest {

    @Test
    void mapsEveryColumnFilter() {
        Map<String, FilterMeta> f = new LinkedHashMap<>();
        f.put("subscriberNo", filter("subscriberNo", " 7300 "));
        f.put("period", filter("period", "2026-09"));
        f.put("status", filter("status", "reversed"));
        f.put("institutionId", filter("institutionId", "42"));

        assertThat(BillQuery.filter(f, null, null)).isEqualTo(
                new BillFilter(42L, BillingPeriod.of(2026, 9), BillStatus.REVERSED, "7300", null));
    }

    @Test
    void viewParametersApplyUnlessAColumnFilterOverridesThem() {
        assertThat(BillQuery.filter(Map.of(), 7L, "2026-08"))
                .isEqualTo(new BillFilter(7L, BillingPeriod.of(2026, 8), null, null, null));
        Map<String, FilterMeta> f = Map.of("period", filter("period", "2026-07"));
        assertThat(BillQuery.filter(f, 7L, "2026-08").period()).isEqualTo(BillingPeriod.of(2026, 7));
    }

    @Test
    void badValuesAreIgnoredNotErrors() {
        Map<String, FilterMeta> f = new LinkedHashMap<>();
        f.put("period", filter("period", "2026-13"));
        f.put("status", filter("status", "PAID'; DROP TABLE bill"));
        f.put("institutionId", filter("institutionId", "x"));
        assertThat(BillQuery.filter(f, null, "not a period")).isEqualTo(BillFilter.none());
    }

    @Test
    void sortsOnlyByWhitelistedKeysAndDefaultsToTheBillNumber() {
        PageRequest byTotal = BillQuery.page(40, 20, Map.of("total", sort("total", SortOrder.DESCENDING, 0)));
        assertThat(byTotal).isEqualTo(new PageRequest(40, 20, "total", false));
        PageRequest injected = BillQuery.page(0, 20, Map.of("x", sort("b.id; DROP", SortOrder.ASCENDING, 0)));
        assertThat(injected).isEqualTo(new PageRequest(0, 20, "billNo", true));
        assertThat(BillQuery.page(-5, 100_000, null)).isEqualTo(new PageRequest(0, PageRequest.MAX_LIMIT, "billNo", true));
    }
}
