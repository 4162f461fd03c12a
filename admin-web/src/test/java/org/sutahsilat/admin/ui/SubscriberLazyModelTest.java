package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberDirectory;
import org.sutahsilat.domain.subscriber.SubscriberFilter;
import org.sutahsilat.domain.subscriber.SubscriberStatus;
import org.sutahsilat.domain.subscriber.SubscriberSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberLazyModelTest {

    static final class FakeDirectory extends SubscriberDirectory {
        final List<SubscriberFilter> filters = new ArrayList<>();
        final List<PageRequest> pages = new ArrayList<>();

        @Override
        public Page<SubscriberSummary> list(SubscriberFilter filter, PageRequest page) {
            filters.add(filter);
            pages.add(page);
            return new Page<>(List.of(new SubscriberSummary(11, 3, "7100000001", "Ayşe Yılmaz",
                    SubscriberCategory.RESIDENTIAL, SubscriberStatus.ACTIVE, "0532 *** ** 67", "R1")), 57);
        }
    }

    @Test
    void loadsThroughTheDirectoryWithTheMappedFilterAndPage() {
        FakeDirectory directory = new FakeDirectory();
        SubscriberLazyModel model = new SubscriberLazyModel(directory);
        model.setDefaultInstitutionId(3L);

        List<SubscriberRow> rows = model.load(20, 10,
                Map.of("fullName", SubscriberQueryTest.sort("fullName", SortOrder.ASCENDING, 0)),
                Map.of("subscriberNo", SubscriberQueryTest.filter("subscriberNo", "71")));

        assertThat(directory.filters).containsExactly(new SubscriberFilter(3L, "71", null, null, null));
        assertThat(directory.pages).containsExactly(new PageRequest(20, 10, "fullName", true));
        assertThat(model.getRowCount()).isEqualTo(57);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getFullName()).isEqualTo("Ayşe Yılmaz");
            assertThat(r.getMaskedPhone()).isEqualTo("0532 *** ** 67");
            assertThat(r.getCategory()).isEqualTo("RESIDENTIAL");
            assertThat(model.getRowKey(r)).isEqualTo("11");
        });
        assertThat(model.count(Map.of())).isEqualTo(57);
    }
}
