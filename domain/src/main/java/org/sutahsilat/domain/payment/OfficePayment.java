package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A payment entered at the office (cash, office POS, bank transfer) for a subscriber found by number.
 *
 * @param reference      bank / POS reference; optional
 * @param idempotencyKey the key of the form that submits it (a double click or a refresh sends the same key)
 */
public record OfficePayment(long institutionId, String subscriberNo, Money amount, PaymentChannel channel,
                            LocalDate receivedOn, String reference, String idempotencyKey) implements Serializable {
}
