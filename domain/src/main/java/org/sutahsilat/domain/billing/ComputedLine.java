package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One priced line of a {@link BillComputation}, already rounded half-up to the kuruş.
 *
 * @param kind        what the line charges
 * @param messageKey  the line's description as a message key (see {@code BillLineTexts}); resolved in the bill's
 *                    language when the bill is written
 * @param arguments   the message's arguments (tier bounds as {@code Long}, percentages as {@code BigDecimal},
 *                    amounts as {@link Money}); immutable values only
 * @param quantity    m³ (or 1 for a fixed fee); null where no quantity applies (a share, a KDV line)
 * @param unitPrice   TRY per unit, scale 4 for tier prices; null where no unit price applies
 * @param amount      the line's amount, scale 2
 * @param kdvRate     the KDV rate that applies to this line (a fraction: 0.01 is 1%); for a KDV line, the rate it
 *                    charges; 0 when the institution is KDV-exempt or the line bears no KDV
 */
public record ComputedLine(BillLineKind kind, String messageKey, List<Object> arguments, BigDecimal quantity,
                           BigDecimal unitPrice, Money amount, BigDecimal kdvRate) implements Serializable {

    public ComputedLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kdvRate, "kdvRate");
        arguments = List.copyOf(arguments);
    }
}
