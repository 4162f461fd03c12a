package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.BillRepository;
import org.sutahsilat.domain.billing.BillStatus;
import org.sutahsilat.domain.billing.PublicBill;
import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.payment.AllocationKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tenant.TenantContext;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaBillRepository extends JpaRepositorySupport implements BillRepository {

    protected JpaBillRepository() {
    }

    public JpaBillRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Bill> find(long id) {
        return findScoped(Bill.class, id);
    }

    @Override
    public List<BillBalance> balances(long subscriberId) {
        TypedQuery<Bill> q = em.createQuery("SELECT b FROM Bill b WHERE " + scopeCondition("b")
                + " AND b.subscriberId = :subscriberId AND b.status = :status"
                + " ORDER BY b.dueDate, b.id", Bill.class);
        bindScope(q);
        List<Bill> bills = q.setParameter("subscriberId", subscriberId)
                .setParameter("status", BillStatus.ISSUED)
                .getResultList();
        if (bills.isEmpty()) {
            return List.of();
        }
        Map<Long, Money> paid = new HashMap<>();
        List<Object[]> sums = em.createQuery("SELECT a.billId, SUM(a.amount) FROM PaymentAllocation a"
                        + " WHERE a.billId IN :ids AND a.kind = :kind GROUP BY a.billId", Object[].class)
                .setParameter("ids", bills.stream().map(Bill::getId).toList())
                .setParameter("kind", AllocationKind.PRINCIPAL)
                .getResultList();
        for (Object[] row : sums) {
            Object sum = row[1];
            paid.put((Long) row[0], sum instanceof Money m ? m : Money.of((BigDecimal) sum));
        }
        return bills.stream()
                .map(b -> new BillBalance(b.getId(), b.getBillNo(), b.getPeriod(), b.getDueDate(), b.getConsumptionM3(),
                        b.getTotal(), paid.getOrDefault(b.getId(), Money.ZERO)))
                .toList();
    }

    @Override
    public Optional<PublicBill> publicBill(long institutionId, long billId) {
        if (!scope().permits(institutionId)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.name, i.surcharge_policy, s.id, s.subscriber_no,"
                        + " s.full_name, b.bill_no, b.period, b.due_date, b.consumption_m3, b.total"
                        + " FROM bill b JOIN institution i ON i.id = b.institution_id"
                        + " JOIN subscriber s ON s.id = b.subscriber_id AND s.institution_id = b.institution_id"
                        + " WHERE b.id = ? AND b.institution_id = ? AND b.status = ? AND i.active = TRUE")
                .setParameter(1, billId)
                .setParameter(2, institutionId)
                .setParameter(3, BillStatus.ISSUED.name())
                .getResultList();
        return rows.stream().findFirst().map(r -> new PublicBill(institutionId, (String) r[0],
                SurchargePolicy.valueOf((String) r[1]), ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                billId, (String) r[5], BillingPeriod.parse((String) r[6]), localDate(r[7]),
                ((Number) r[8]).longValue(), Money.of((BigDecimal) r[9])));
    }

    @Override
    public Bill save(Bill bill) {
        return saveScoped(bill);
    }
}
