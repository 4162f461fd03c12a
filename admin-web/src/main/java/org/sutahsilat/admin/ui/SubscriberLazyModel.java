package org.sutahsilat.admin.ui;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.SubscriberDirectory;
import org.sutahsilat.domain.subscriber.SubscriberFilter;
import org.sutahsilat.domain.subscriber.SubscriberSummary;

import java.util.List;
import java.util.Map;

/**
 * The subscriber table's lazy model. Every page, count and export goes through {@link SubscriberDirectory}, which
 * applies the request's tenant scope; this class only maps the table state ({@link SubscriberQuery}).
 */
public class SubscriberLazyModel extends LazyDataModel<SubscriberRow> {

    private static final long serialVersionUID = 1L;

    private final SubscriberDirectory directory;
    /** The institution asked for in the URL ({@code ?institution=}); a column filter overrides it. */
    private Long defaultInstitutionId;

    public SubscriberLazyModel(SubscriberDirectory directory) {
        this.directory = directory;
    }

    public void setDefaultInstitutionId(Long defaultInstitutionId) {
        this.defaultInstitutionId = defaultInstitutionId;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, directory.list(filter(filterBy), PageRequest.first(1)).total());
    }

    @Override
    public List<SubscriberRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
        Page<SubscriberSummary> page = directory.list(filter(filterBy), SubscriberQuery.page(first, pageSize, sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items().stream().map(SubscriberRow::new).toList();
    }

    private SubscriberFilter filter(Map<String, FilterMeta> filterBy) {
        return SubscriberQuery.filter(filterBy, defaultInstitutionId);
    }

    @Override
    public String getRowKey(SubscriberRow row) {
        return Long.toString(row.getId());
    }

    @Override
    public SubscriberRow getRowData(String rowKey) {
        List<SubscriberRow> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
