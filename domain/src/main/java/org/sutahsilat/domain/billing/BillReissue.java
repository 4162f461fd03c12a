package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.Money;

/** The outcome of a correction: the original bill (now REVERSED), its reversal, and the bill issued in its place. */
public record BillReissue(long originalBillId, long reversalBillId, String reversalBillNo, long newBillId,
                          String newBillNo, Money newTotal) {
}
