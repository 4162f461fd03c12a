package org.sutahsilat.domain.billing;

public enum BillLineKind {
    WATER,
    WASTEWATER,
    FIXED_FEE,
    MINIMUM_CHARGE,
    CTV,
    KDV,
    OTHER
}
