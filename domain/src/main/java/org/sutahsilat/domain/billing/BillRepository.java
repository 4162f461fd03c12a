package org.sutahsilat.domain.billing;

import java.util.List;
import java.util.Optional;

/** Bills within the tenant scope in force. */
public interface BillRepository {

    Optional<Bill> find(long id);

    /** Bills in force (ISSUED) of a subscriber with their paid amounts, oldest first. */
    List<BillBalance> balances(long subscriberId);

    /**
     * A bill in force of an active institution with its subscriber and institution, one plain read, for the public
     * page a printed bill's QR code opens; empty when any of that is missing or outside the scope in force.
     */
    Optional<PublicBill> publicBill(long institutionId, long billId);

    Bill save(Bill bill);
}
