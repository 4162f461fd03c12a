package org.sutahsilat.admin.api;

import java.math.BigDecimal;

/** One reading a device posts (JSON-B); see docs/readings-api.md. */
public class ReadingJson {

    /** The device's own id of the reading, echoed in the result. */
    public String ref;
    public String subscriberNo;
    public Long index;
    /** ISO yyyy-MM-dd; today (Turkish time) when absent. */
    public String readingDate;
    /** yyyy-MM; the month of the reading date when absent. */
    public String period;
    public String meterSerial;
    public String note;
    public BigDecimal latitude;
    public BigDecimal longitude;
    /** No access / broken meter: an estimate is recorded instead of an index. */
    public Boolean noAccess;
}
