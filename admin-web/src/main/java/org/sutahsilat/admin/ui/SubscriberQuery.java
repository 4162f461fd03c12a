package org.sutahsilat.admin.ui;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberFilter;
import org.sutahsilat.domain.subscriber.SubscriberRepository;
import org.sutahsilat.domain.subscriber.SubscriberStatus;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the PrimeFaces table state (filters and sort, which come from the browser and are untrusted) into the
 * domain's {@link SubscriberFilter} and {@link PageRequest}. Unknown fields and unparsable values are ignored; the
 * institution filter only narrows the tenant scope the repository applies anyway.
 */
public final class SubscriberQuery {

    public static final String SUBSCRIBER_NO = "subscriberNo";
    public static final String FULL_NAME = "fullName";
    public static final String CATEGORY = "category";
    public static final String STATUS = "status";
    public static final String INSTITUTION = "institutionId";

    /** The columns a user may sort by (a subset of the repository's whitelist). */
    public static final Set<String> SORTABLE = Set.of(SUBSCRIBER_NO, FULL_NAME, CATEGORY, STATUS);

    private static final int MAX_TEXT = 100;

    private SubscriberQuery() {
    }

    public static SubscriberFilter filter(Map<String, FilterMeta> filterBy, Long defaultInstitutionId) {
        Map<String, FilterMeta> f = filterBy == null ? Map.of() : filterBy;
        Long institution = toLong(value(f, INSTITUTION));
        return new SubscriberFilter(institution != null ? institution : defaultInstitutionId,
                text(value(f, SUBSCRIBER_NO)), text(value(f, FULL_NAME)),
                toEnum(SubscriberCategory.class, value(f, CATEGORY)), toEnum(SubscriberStatus.class, value(f, STATUS)));
    }

    public static PageRequest page(int first, int pageSize, Map<String, SortMeta> sortBy) {
        int limit = Math.max(1, Math.min(pageSize <= 0 ? PageRequest.MAX_LIMIT : pageSize, PageRequest.MAX_LIMIT));
        int offset = Math.max(0, first);
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(s -> s != null && s.getField() != null && s.getOrder() != null && !s.getOrder().isUnsorted())
                .filter(s -> SORTABLE.contains(s.getField()) && SubscriberRepository.SORT_KEYS.contains(s.getField()))
                .min(Comparator.comparingInt(SortMeta::getPriority))
                .orElse(null);
        if (sort == null) {
            return new PageRequest(offset, limit, SUBSCRIBER_NO, true);
        }
        return new PageRequest(offset, limit, sort.getField(), sort.getOrder() != SortOrder.DESCENDING);
    }

    private static Object value(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        if (meta == null) {
            meta = filterBy.values().stream().filter(m -> m != null && field.equals(m.getField())).findFirst()
                    .orElse(null);
        }
        return meta == null ? null : meta.getFilterValue();
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    static Long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E toEnum(Class<E> type, Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
