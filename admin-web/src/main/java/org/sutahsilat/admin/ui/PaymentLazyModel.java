package org.sutahsilat.admin.ui;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sutahsilat.domain.payment.PaymentFilter;
import org.sutahsilat.domain.payment.PaymentRepository;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.payment.PaymentSummary;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The payment table's lazy model: every page, count and export goes through {@link PaymentService#list}, which
 * applies the request's tenant scope. The filter comes from the page's filter bar; the sort field from the table,
 * checked against the repository's whitelist.
 */
public class PaymentLazyModel extends LazyDataModel<PaymentRow> {

    private static final long serialVersionUID = 1L;

    private final PaymentService service;
    private final Supplier<PaymentFilter> filter;

    public PaymentLazyModel(PaymentService service, Supplier<PaymentFilter> filter) {
        this.service = service;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, service.list(filter.get(), PageRequest.first(1)).total());
    }

    @Override
    public List<PaymentRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                 Map<String, FilterMeta> filterBy) {
        Page<PaymentSummary> page = service.list(filter.get(), page(first, pageSize, sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items().stream().map(PaymentRow::new).toList();
    }

    static PageRequest page(int first, int pageSize, Map<String, SortMeta> sortBy) {
        int limit = Math.max(1, Math.min(pageSize <= 0 ? PageRequest.MAX_LIMIT : pageSize, PageRequest.MAX_LIMIT));
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(s -> s != null && s.getField() != null && s.getOrder() != null && !s.getOrder().isUnsorted())
                .filter(s -> PaymentRepository.SORT_KEYS.contains(s.getField()))
                .min(Comparator.comparingInt(SortMeta::getPriority)).orElse(null);
        if (sort == null) {
            return new PageRequest(Math.max(0, first), limit, "paidAt", false);
        }
        return new PageRequest(Math.max(0, first), limit, sort.getField(), sort.getOrder() != SortOrder.DESCENDING);
    }

    @Override
    public String getRowKey(PaymentRow row) {
        return Long.toString(row.getId());
    }

    @Override
    public PaymentRow getRowData(String rowKey) {
        List<PaymentRow> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
