package org.sutahsilat.domain.institution;

/** How late payment is charged (gecikme zammı): an institution setting, see domain.md. */
public enum SurchargePolicy {
    NONE,
    LAW_6183,
    STATUTORY_INTEREST
}
