package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.tariff.TierMode;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The priced lines of one bill, as {@link BillCalculator} produced them: a value, copied out of the tariff version at
 * the moment of computing. Nothing in it refers back to the tariff, so a tariff version added (or, against the rules,
 * changed) later never changes a computation already made, nor the bill written from it.
 *
 * @param tariffVersionId the version that priced the bill (null for a version not yet persisted)
 * @param tariffValidFrom the first day that version was in force
 * @param tierMode        progressive or whole-band
 * @param consumption     the billed consumption
 * @param lines           in bill order: water, minimum charge, wastewater, fixed fee, ÇTV, then KDV by ascending rate
 * @param total           the sum of the (already rounded) lines
 */
public record BillComputation(Long tariffVersionId, LocalDate tariffValidFrom, TierMode tierMode,
                              CubicMeters consumption, List<ComputedLine> lines, Money total) implements Serializable {

    public BillComputation {
        Objects.requireNonNull(tierMode, "tierMode");
        Objects.requireNonNull(consumption, "consumption");
        lines = List.copyOf(lines);
        Money sum = Money.ZERO;
        for (ComputedLine line : lines) {
            sum = sum.plus(line.amount());
        }
        if (!sum.equals(total)) {
            throw new DomainException("error.bill.totalMismatch",
                    "bill total " + total + " is not the sum of its lines " + sum, total, sum);
        }
    }

    /** The lines of one kind, in order. */
    public List<ComputedLine> linesOf(BillLineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }

    /** The sum of the lines of one kind. */
    public Money amountOf(BillLineKind kind) {
        Money sum = Money.ZERO;
        for (ComputedLine line : lines) {
            if (line.kind() == kind) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }

    /** Adds these lines to a new bill, with their descriptions in the bill's language. */
    public Bill writeTo(Bill bill, Locale language) {
        for (ComputedLine line : lines) {
            bill.addLine(line.kind(), BillLineTexts.describe(line, language), line.quantity(), line.unitPrice(),
                    line.amount(), line.kdvRate());
        }
        return bill;
    }
}
