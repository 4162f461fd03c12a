package org.sutahsilat.domain.billing;

import java.io.Serializable;

/** One bill as its printed QR code shows it in the portal: whose it is (masked) and what is still open on it. */
public record PortalBill(long institutionId, String institutionName, long subscriberId, String subscriberNo,
                         String maskedName, BillBalance balance) implements Serializable {
}
