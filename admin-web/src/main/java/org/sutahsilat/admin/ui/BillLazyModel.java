package org.sutahsilat.admin.ui;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.BillFilter;
import org.sutahsilat.domain.billing.BillSummary;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.List;
import java.util.Map;

/** The bill table's lazy model; every page, count and export goes through the tenant-scoped {@link BillDirectory}. */
public class BillLazyModel extends LazyDataModel<BillRow> {

    private static final long serialVersionUID = 1L;

    private final BillDirectory directory;
    private Long defaultInstitutionId;
    private String defaultPeriod;

    public BillLazyModel(BillDirectory directory) {
        this.directory = directory;
    }

    void setDefaultInstitutionId(Long institutionId) {
        this.defaultInstitutionId = institutionId;
    }

    void setDefaultPeriod(String period) {
        this.defaultPeriod = period;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, directory.list(filter(filterBy), PageRequest.first(1)).total());
    }

    @Override
    public List<BillRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<BillSummary> page = directory.list(filter(filterBy), BillQuery.page(first, pageSize, sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items().stream().map(BillRow::new).toList();
    }

    private BillFilter filter(Map<String, FilterMeta> filterBy) {
        return BillQuery.filter(filterBy, defaultInstitutionId, defaultPeriod);
    }

    @Override
    public String getRowKey(BillRow row) {
        return Long.toString(row.getId());
    }

    @Override
    public BillRow getRowData(String rowKey) {
        List<BillRow> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
