package org.sutahsilat.domain.document;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.Bill;
import org.sutahsilat.domain.billing.BillLine;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.meter.Meter;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingKind;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds {@link BillDocument}s from what is stored: the bill and its lines, the subscriber (masked name, address,
 * category), the institution, the billed reading with its meter and the meter's previous reading, the money owed
 * besides the bill as it stood when the bill was made ({@link BillBalances}), and the bill's portal page. A slice of bills costs a fixed number of queries, whatever its
 * size. The caller has checked the tenant scope of the ids it passes.
 */
public final class BillDocumentFactory {

    /** The path of a bill's page in the portal; the signed bill token follows it. */
    public static final String BILL_PAGE_PATH = "/fatura/";

    private final String portalBase;
    private final PortalTokens tokens;

    /**
     * @param portalBase the address subscribers reach ({@code su.public.base.url})
     * @param tokens     signs the bill's page address printed as its QR code
     */
    public BillDocumentFactory(URI portalBase, PortalTokens tokens) {
        this.tokens = java.util.Objects.requireNonNull(tokens, "tokens");
        if (!portalBase.isAbsolute()) {
            throw new IllegalArgumentException("the portal address must be absolute: " + portalBase);
        }
        String base = portalBase.toString();
        this.portalBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The bill's page in the portal, printed as the QR code: {@code <base>/fatura/<signed bill token>}. It opens that
     * one bill (masked name, what is open, pay); a changed token opens nothing. Never the payment code.
     */
    public URI portalUrl(long institutionId, long billId) {
        return URI.create(portalBase + BILL_PAGE_PATH + tokens.bill(institutionId, billId));
    }

    /** The documents of the given bills, in the order of the ids; ids without a bill are left out. */
    public List<BillDocument> build(EntityManager em, List<Long> billIds) {
        if (billIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Bill> bills = byId(em.createQuery("SELECT DISTINCT b FROM Bill b LEFT JOIN FETCH b.lines"
                + " WHERE b.id IN :ids", Bill.class).setParameter("ids", billIds).getResultList(), Bill::getId);
        Map<Long, Subscriber> subscribers = byId(em.createQuery("SELECT s FROM Subscriber s WHERE s.id IN :ids",
                Subscriber.class).setParameter("ids", ids(bills.values(), Bill::getSubscriberId)).getResultList(),
                Subscriber::getId);
        Map<Long, Institution> institutions = byId(em.createQuery("SELECT i FROM Institution i WHERE i.id IN :ids",
                Institution.class).setParameter("ids", ids(bills.values(), Bill::getInstitutionId)).getResultList(),
                Institution::getId);
        List<Long> readingIds = ids(bills.values(), Bill::getReadingId);
        Map<Long, Reading> readings = readingIds.isEmpty() ? Map.of() : byId(em.createQuery(
                "SELECT r FROM Reading r WHERE r.id IN :ids", Reading.class).setParameter("ids", readingIds)
                .getResultList(), Reading::getId);
        List<Long> meterIds = ids(readings.values(), Reading::getMeterId);
        Map<Long, Meter> meters = meterIds.isEmpty() ? Map.of() : byId(em.createQuery(
                "SELECT m FROM Meter m WHERE m.id IN :ids", Meter.class).setParameter("ids", meterIds)
                .getResultList(), Meter::getId);
        Map<Long, PreviousIndex> previous = previousIndexes(em, readingIds);
        Map<Long, BillBalances.Balance> balances = BillBalances.of(em, bills.values(), institutions);

        List<BillDocument> documents = new ArrayList<>(billIds.size());
        for (Long id : billIds) {
            Bill bill = bills.get(id);
            if (bill == null) {
                continue;
            }
            Subscriber subscriber = subscribers.get(bill.getSubscriberId());
            Institution institution = institutions.get(bill.getInstitutionId());
            Reading reading = bill.getReadingId() == null ? null : readings.get(bill.getReadingId());
            Meter meter = reading == null ? null : meters.get(reading.getMeterId());
            PaymentCode code = bill.getPaymentCode() != null ? bill.getPaymentCode() : subscriber.getPaymentCode();
            BillBalances.Balance balance = balances.getOrDefault(id, BillBalances.Balance.NONE);

            BillDocument.Builder doc = BillDocument.builder()
                    .institutionName(institution.getName())
                    .subscriber(subscriber.getSubscriberNo(), subscriber.maskedName())
                    .address(subscriber.getAddress())
                    .category(subscriber.getCategory())
                    .consumptionM3(bill.getConsumptionM3())
                    .period(bill.getPeriod())
                    .periodTotal(bill.getTotal())
                    .previousDebt(balance.previousDebt())
                    .lateSurcharge(balance.lateSurcharge())
                    .creditApplied(balance.creditApplied())
                    .dueDate(bill.getDueDate())
                    .paymentCode(code)
                    .billNo(bill.getBillNo())
                    .issueDate(bill.getIssueDate())
                    .portalUrl(portalUrl(institution.getId(), bill.getId()));
            if (reading != null) {
                PreviousIndex before = previous.get(reading.getId());
                doc.meterSerial(meter == null ? null : meter.getSerialNo())
                        .currentIndex(reading.getMeterIndex(), reading.getReadingDate())
                        .estimatedReading(reading.getKind() == ReadingKind.ESTIMATED);
                if (before != null) {
                    doc.previousIndex(before.index(), before.readOn());
                } else if (meter != null) {
                    doc.previousIndex(meter.getInitialIndex(), null); // the meter's first reading
                }
            } else {
                doc.currentIndex(0, bill.getIssueDate());
            }
            for (BillLine line : bill.getLines()) {
                doc.line(line.getKind(), line.getDescription(), line.getQuantity(), line.getUnitPrice(),
                        line.getAmount());
            }
            documents.add(doc.build());
        }
        return documents;
    }

    private record PreviousIndex(long index, LocalDate readOn) {
    }

    /** By reading id: the index and date of the same meter's reading of the latest earlier period. */
    private static Map<Long, PreviousIndex> previousIndexes(EntityManager em, List<Long> readingIds) {
        Map<Long, PreviousIndex> previous = new HashMap<>();
        if (readingIds.isEmpty()) {
            return previous;
        }
        List<?> rows = bind(em.createNativeQuery("SELECT r.id, p.meter_index, p.reading_date FROM reading r"
                + " JOIN reading p ON p.meter_id = r.meter_id AND p.subscriber_id = r.subscriber_id"
                + " AND p.period = (SELECT MAX(q.period) FROM reading q WHERE q.meter_id = r.meter_id"
                + " AND q.subscriber_id = r.subscriber_id AND q.period < r.period)"
                + " WHERE r.id IN (" + placeholders(readingIds.size()) + ")"), readingIds).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            previous.put(((Number) r[0]).longValue(), new PreviousIndex(((Number) r[1]).longValue(), date(r[2])));
        }
        return previous;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, List<Long> values) {
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(i + 1, values.get(i));
        }
        return q;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    private static <T> List<Long> ids(Collection<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }
}
