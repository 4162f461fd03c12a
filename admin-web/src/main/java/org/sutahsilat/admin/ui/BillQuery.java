package org.sutahsilat.admin.ui;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.BillFilter;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.Comparator;
import java.util.Map;

/**
 * Translates the bill table's state (untrusted, from the browser) into {@link BillFilter} and {@link PageRequest}:
 * unknown fields and unparsable values are ignored; the institution filter only narrows the tenant scope.
 */
public final class BillQuery {

    public static final String INSTITUTION = "institutionId";
    public static final String PERIOD = "period";
    public static final String STATUS = "status";
    public static final String SUBSCRIBER_NO = "subscriberNo";
    public static final String BILL_NO = "billNo";

    private BillQuery() {
    }

    public static BillFilter filter(Map<String, FilterMeta> filterBy, Long defaultInstitutionId, String defaultPeriod) {
        Map<String, FilterMeta> f = filterBy == null ? Map.of() : filterBy;
        Long institution = SubscriberQuery.toLong(value(f, INSTITUTION));
        Object periodValue = value(f, PERIOD);
        return new BillFilter(institution != null ? institution : defaultInstitutionId,
                period(periodValue != null ? periodValue : defaultPeriod),
                SubscriberQuery.toEnum(BillStatus.class, value(f, STATUS)),
                SubscriberQuery.text(value(f, SUBSCRIBER_NO)), null);
    }

    public static PageRequest page(int first, int pageSize, Map<String, SortMeta> sortBy) {
        int limit = Math.max(1, Math.min(pageSize <= 0 ? PageRequest.MAX_LIMIT : pageSize, PageRequest.MAX_LIMIT));
        int offset = Math.max(0, first);
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(s -> s != null && s.getField() != null && s.getOrder() != null && !s.getOrder().isUnsorted())
                .filter(s -> BillDirectory.SORT_KEYS.contains(s.getField()))
                .min(Comparator.comparingInt(SortMeta::getPriority))
                .orElse(null);
        if (sort == null) {
            return new PageRequest(offset, limit, BILL_NO, true);
        }
        return new PageRequest(offset, limit, sort.getField(), sort.getOrder() != SortOrder.DESCENDING);
    }

    static BillingPeriod period(Object value) {
        String text = SubscriberQuery.text(value);
        if (text == null) {
            return null;
        }
        try {
            return BillingPeriod.parse(text);
        } catch (DomainException e) {
            return null;
        }
    }

    private static Object value(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        if (meta == null) {
            meta = filterBy.values().stream().filter(m -> m != null && field.equals(m.getField())).findFirst()
                    .orElse(null);
        }
        return meta == null ? null : meta.getFilterValue();
    }
}
