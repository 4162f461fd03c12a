package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;

/**
 * Money received from a subscriber, whatever the door: the office form ({@link PaymentService#recordAtOffice}) or
 * the card callback of the portal (channel CARD, the gateway's payment id as reference and key).
 *
 * @param receivedBy     the staff user who took it; null for online payments
 * @param idempotencyKey one payment per key and institution; may be null
 */
public record PaymentCommand(long institutionId, long subscriberId, Money amount, PaymentChannel channel,
                             LocalDate receivedOn, String reference, Long receivedBy, String idempotencyKey) {
}
