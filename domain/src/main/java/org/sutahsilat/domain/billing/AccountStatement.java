package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.util.List;

/** What a subscriber sees in the portal: masked name, open bills and the total debt. */
public record AccountStatement(long institutionId, String institutionName, String subscriberNo, String maskedName,
                               List<BillBalance> openBills, Money totalDebt, long subscriberId,
                               List<BillBalance> bills)
        implements Serializable {

    public AccountStatement {
        openBills = List.copyOf(openBills);
        bills = List.copyOf(bills);
    }
}
