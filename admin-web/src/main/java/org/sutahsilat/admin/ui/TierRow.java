package org.sutahsilat.admin.ui;

import java.io.Serializable;
import java.math.BigDecimal;

/** One editable row of the tier table: its upper bound (none on the last row) and its unit price. */
public final class TierRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long toM3;
    private BigDecimal unitPrice;

    public TierRow(Long toM3, BigDecimal unitPrice) {
        this.toM3 = toM3;
        this.unitPrice = unitPrice;
    }

    public Long getToM3() {
        return toM3;
    }

    public void setToM3(Long toM3) {
        this.toM3 = toM3;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }
}
