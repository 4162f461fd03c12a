package org.sutahsilat.domain.tariff;

/** Progressive: each slice at its tier's price. Whole band: all consumption at the price of the tier it falls in. */
public enum TierMode {
    PROGRESSIVE,
    WHOLE_BAND
}
