package org.sutahsilat.payment.card;

import org.sutahsilat.domain.payment.OpenBill;
import org.sutahsilat.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a card payment pays: a prefix of the subscriber's open bills in due order (oldest first), so that the
 * allocation {@code PaymentService.record} makes (oldest first, surcharge before principal) is exactly the basket.
 * Each line is the bill's open principal plus the surcharge due that day, in integer kuruş.
 */
public record Basket(List<Line> lines) {

    public Basket {
        lines = List.copyOf(lines);
    }

    /** One bill of the basket. */
    public record Line(long billId, String billNo, long amountKurus) {
    }

    public long totalKurus() {
        long total = 0;
        for (Line line : lines) {
            total = Math.addExact(total, line.amountKurus());
        }
        return total;
    }

    /**
     * Chooses the basket from the open bills (in the account's order: oldest first) and the bills the subscriber
     * picked; none picked means all of them.
     *
     * @throws DomainException {@code card.error.nothingToPay}, {@code card.error.billNotOpen} (a bill that is not
     *                         one of the subscriber's open bills, e.g. another subscriber's or institution's),
     *                         {@code card.error.oldestFirst} (the pick is not a prefix in due order)
     */
    public static Basket choose(List<OpenBill> openBills, Collection<Long> picked) {
        List<OpenBill> open = openBills.stream().filter(b -> b.total().isPositive()).toList();
        if (open.isEmpty()) {
            throw new DomainException("card.error.nothingToPay", "no open bill");
        }
        Set<Long> chosen = picked == null || picked.isEmpty()
                ? new HashSet<>(open.stream().map(OpenBill::billId).toList())
                : new HashSet<>(picked);
        Set<Long> openIds = new HashSet<>(open.stream().map(OpenBill::billId).toList());
        for (Long id : chosen) {
            if (id == null || !openIds.contains(id)) {
                throw new DomainException("card.error.billNotOpen", "not an open bill of the subscriber: " + id, id);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            OpenBill bill = open.get(i);
            if (i < chosen.size()) {
                if (!chosen.contains(bill.billId())) {
                    throw new DomainException("card.error.oldestFirst",
                            "bills must be paid oldest first; " + bill.billNo() + " is skipped", bill.billNo());
                }
                lines.add(new Line(bill.billId(), bill.billNo(), bill.total().toKurus()));
            }
        }
        return new Basket(lines);
    }
}
