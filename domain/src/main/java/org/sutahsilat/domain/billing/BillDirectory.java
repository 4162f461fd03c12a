package org.sutahsilat.domain.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.document.BillDocumentFactory;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The staff's view of bills, always within the caller's tenant scope: the list (page, sort, filter) and the printed
 * bill ({@link BillDocument}) of one bill or of a whole billing run. A run's documents are read slice by slice
 * ({@value #SLICE} bills a transaction) while they are printed, so memory does not grow with the run.
 */
@ApplicationScoped
public class BillDirectory {

    public static final String PORTAL_SETTING = "su.public.base.url";
    /** The sort keys a list may ask for. */
    public static final Set<String> SORT_KEYS = Set.of("billNo", "subscriberNo", "period", "issueDate", "dueDate",
            "consumptionM3", "total", "status");
    static final int SLICE = 200;
    private static final Map<String, String> SORT_COLUMNS = Map.of("billNo", "b.billNo", "subscriberNo",
            "s.subscriberNo", "period", "b.period", "issueDate", "b.issueDate", "dueDate", "b.dueDate",
            "consumptionM3", "b.consumptionM3", "total", "b.total", "status", "b.status");

    private ChunkTransactions transactions;
    private TenantContext tenant;
    private BillDocumentFactory documents;

    protected BillDirectory() {
        // for CDI proxies
    }

    /** In the container: the portal address from configuration ({@code SU_PUBLIC_BASE_URL}). */
    @Inject
    public BillDirectory(ChunkTransactions transactions, TenantContext tenant, PortalTokens tokens) {
        this(transactions, tenant, URI.create(ConfigProvider.getConfig().getOptionalValue(PORTAL_SETTING, String.class)
                .orElse("http://localhost:8080")), tokens);
    }

    public BillDirectory(ChunkTransactions transactions, TenantContext tenant, URI portalBase, PortalTokens tokens) {
        this.transactions = transactions;
        this.tenant = tenant;
        this.documents = new BillDocumentFactory(portalBase, tokens);
    }

    public Page<BillSummary> list(BillFilter filter, PageRequest page) {
        TenantScope scope = tenant.scope();
        if (scope.isEmpty() || filter.institutionId() != null && !scope.permits(filter.institutionId())) {
            return new Page<>(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" FROM Bill b, Subscriber s WHERE s.id = b.subscriberId");
        if (!scope.isAll()) {
            where.append(" AND b.institutionId IN :scope");
        }
        if (filter.institutionId() != null) {
            where.append(" AND b.institutionId = :institution");
        }
        if (filter.period() != null) {
            where.append(" AND b.period = :period");
        }
        if (filter.status() != null) {
            where.append(" AND b.status = :status");
        }
        if (filter.subscriberNo() != null && !filter.subscriberNo().isBlank()) {
            where.append(" AND s.subscriberNo LIKE :no ESCAPE '\\'");
        }
        if (filter.billingRunId() != null) {
            where.append(" AND b.billingRunId = :run");
        }
        String order = SORT_COLUMNS.getOrDefault(page.sortKey() == null ? "billNo" : page.sortKey(), "b.billNo");
        String direction = page.ascending() ? " ASC" : " DESC";
        return transactions.inTransaction(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(b)" + where, Long.class);
            bind(count, scope, filter);
            long total = count.getSingleResult();
            if (total == 0) {
                return new Page<BillSummary>(List.of(), 0);
            }
            TypedQuery<Object[]> rows = em.createQuery("SELECT b, s" + where + " ORDER BY " + order + direction
                    + ", b.id" + direction, Object[].class);
            bind(rows, scope, filter);
            List<BillSummary> items = new ArrayList<>();
            for (Object[] row : rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                Bill b = (Bill) row[0];
                Subscriber s = (Subscriber) row[1];
                items.add(new BillSummary(b.getId(), b.getInstitutionId(), b.getBillNo(), s.getSubscriberNo().value(),
                        s.maskedName(), b.getPeriod(), b.getIssueDate(), b.getDueDate(), b.getConsumptionM3(),
                        b.getTotal(), b.getStatus()));
            }
            return new Page<>(items, total);
        });
    }

    /** The printed bill; outside the caller's scope it does not exist. */
    public BillDocument document(long billId) {
        TenantScope scope = tenant.scope();
        return transactions.inTransaction(em -> {
            Bill bill = em.find(Bill.class, billId);
            if (bill == null || !scope.permits(bill.getInstitutionId())) {
                throw new NotFoundException("bill", billId);
            }
            return documents.build(em, List.of(billId)).get(0);
        });
    }

    /**
     * The printed bills of a billing run in the order of their numbers, read {@value #SLICE} at a time as the caller
     * iterates (for one PDF of the whole run). The run's tenant scope is checked now; a run outside it, or without
     * bills, is "not found".
     */
    public Iterable<BillDocument> documentsOfRun(long runId) {
        TenantScope scope = tenant.scope();
        transactions.inTransaction(em -> {
            List<?> owner = em.createNativeQuery("SELECT institution_id FROM billing_run WHERE id = ?")
                    .setParameter(1, runId).getResultList();
            if (owner.isEmpty() || !scope.permits(((Number) owner.get(0)).longValue())
                    || nextSlice(em, runId, 0).isEmpty()) {
                throw new NotFoundException("billingRun", runId);
            }
            return null;
        });
        return () -> new SliceIterator(runId);
    }

    /** Ids of the run's bills after the given one, in id order (= number order: a run numbers as it inserts). */
    private static List<Long> nextSlice(EntityManager em, long runId, long afterId) {
        return em.createQuery("SELECT b.id FROM Bill b WHERE b.billingRunId = :run AND b.id > :after ORDER BY b.id",
                        Long.class)
                .setParameter("run", runId).setParameter("after", afterId).setMaxResults(SLICE).getResultList();
    }

    private static void bind(Query q, TenantScope scope, BillFilter filter) {
        if (!scope.isAll()) {
            q.setParameter("scope", scope.institutionIds());
        }
        if (filter.institutionId() != null) {
            q.setParameter("institution", filter.institutionId());
        }
        if (filter.period() != null) {
            q.setParameter("period", filter.period());
        }
        if (filter.status() != null) {
            q.setParameter("status", filter.status());
        }
        if (filter.subscriberNo() != null && !filter.subscriberNo().isBlank()) {
            String no = filter.subscriberNo().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            q.setParameter("no", no + "%");
        }
        if (filter.billingRunId() != null) {
            q.setParameter("run", filter.billingRunId());
        }
    }

    private final class SliceIterator implements Iterator<BillDocument> {
        private final long runId;
        private long afterId;
        private Iterator<BillDocument> slice = List.<BillDocument>of().iterator();
        private boolean exhausted;

        SliceIterator(long runId) {
            this.runId = runId;
        }

        @Override
        public boolean hasNext() {
            while (!slice.hasNext() && !exhausted) {
                List<BillDocument> next = transactions.inTransaction(em -> {
                    List<Long> ids = nextSlice(em, runId, afterId);
                    if (ids.isEmpty()) {
                        return List.<BillDocument>of();
                    }
                    afterId = ids.get(ids.size() - 1);
                    return documents.build(em, ids);
                });
                exhausted = next.isEmpty();
                slice = next.iterator();
            }
            return slice.hasNext();
        }

        @Override
        public BillDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return slice.next();
        }
    }
}
