package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.MatchMode;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberFilter;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberQueryTest {

    static FilterMeta filter(String field, Object value) {
        return FilterMeta.builder().field(field).filterValue(value).matchMode(MatchMode.EXACT).build();
    }

    static SortMeta sort(String field, SortOrder order, int priority) {
        return SortMeta.builder().field(field).order(order).priority(priority).build();
    }

    @Test
    void mapsEveryColumnFilter() {
        Map<String, FilterMeta> f = new LinkedHashMap<>();
        f.put("subscriberNo", filter("subscriberNo", " 7100 "));
        f.put("fullName", filter("fullName", "Çelik"));
        f.put("category", filter("category", "COMMERCIAL"));
        f.put("institutionId", filter("institutionId", 42L));

        SubscriberFilter result = SubscriberQuery.filter(f, null);

        assertThat(result).isEqualTo(new SubscriberFilter(42L, "7100", "Çelik", SubscriberCategory.COMMERCIAL, null));
    }

    @Test
    void findsFiltersByFieldWhenKeyedByColumnAndIgnoresGarbage() {
        Map<String, FilterMeta> f = new LinkedHashMap<>();
        f.put("subscribersForm:tbl:colName", filter("fullName", "Ayşe"));
        f.put("category", filter("category", "NOT_A_CATEGORY"));
        f.put("institutionId", filter("institutionId", "12abc"));
        f.put("unknown", filter("unknown", "x"));

        assertThat(SubscriberQuery.filter(f, 5L)).isEqualTo(new SubscriberFilter(5L, null, "Ayşe", null, null));
    }

    @Test
    void columnInstitutionFilterOverridesTheUrlDefault() {
        assertThat(SubscriberQuery.filter(Map.of("institutionId", filter("institutionId", "9")), 5L).institutionId())
                .isEqualTo(9L);
        assertThat(SubscriberQuery.filter(null, 5L)).isEqualTo(new SubscriberFilter(5L, null, null, null, null));
        assertThat(SubscriberQuery.filter(Map.of("fullName", filter("fullName", "   ")), null))
                .isEqualTo(SubscriberFilter.none());
    }

    @Test
    void mapsPagingAndSort() {
        assertThat(SubscriberQuery.page(40, 20, Map.of("fullName", sort("fullName", SortOrder.DESCENDING, 0))))
                .isEqualTo(new PageRequest(40, 20, "fullName", false));
        assertThat(SubscriberQuery.page(0, 10, Map.of("status", sort("status", SortOrder.ASCENDING, 0))))
                .isEqualTo(new PageRequest(0, 10, "status", true));
    }

    @Test
    void unknownSortFieldsFallBackToSubscriberNumberAndSizesAreClamped() {
        assertThat(SubscriberQuery.page(-5, 100_000, Map.of("x", sort("maskedPhone", SortOrder.ASCENDING, 0))))
                .isEqualTo(new PageRequest(0, PageRequest.MAX_LIMIT, "subscriberNo", true));
        assertThat(SubscriberQuery.page(0, 0, null)).isEqualTo(new PageRequest(0, PageRequest.MAX_LIMIT, "subscriberNo", true));
        assertThat(SubscriberQuery.page(0, 20, Map.of("c", sort("category", SortOrder.UNSORTED, 0))).sortKey())
                .isEqualTo("subscriberNo");
    }

    @Test
    void theHighestPrioritySortWins() {
        Map<String, SortMeta> s = new LinkedHashMap<>();
        s.put("status", sort("status", SortOrder.ASCENDING, 2));
        s.put("category", sort("category", SortOrder.DESCENDING, 1));
        assertThat(SubscriberQuery.page(0, 20, s)).isEqualTo(new PageRequest(0, 20, "category", false));
    }
}
