package org.sutahsilat.domain.billing;

import java.util.List;
import java.util.Optional;

/** Bills within the tenant scope in force. */
public interface BillRepository {

    Optional<Bill> find(long id);

    /** Bills in force (ISSUED) of a subscriber with their paid amounts, oldest first. */
    List<BillBalance> balances(long subscriberId);

    Bill save(Bill bill);
}
