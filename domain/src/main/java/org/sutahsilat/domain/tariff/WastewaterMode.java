package org.sutahsilat.domain.tariff;

public enum WastewaterMode {
    NONE,
    PER_M3,
    SHARE_OF_WATER
}
