package org.sutahsilat.domain.billing;

/** Why a billing run could not bill a subscriber. */
public enum SkipReason {
    /** No ACTUAL or ESTIMATED reading for the period. */
    NO_READING,
    /** The institution has no tariff for the subscriber's category. */
    NO_TARIFF,
    /** The tariff has no version in force on the reading date. */
    NO_TARIFF_VERSION,
    /** The version in force breaks a pricing rule (see {@code TariffRules}). */
    TARIFF_INVALID
}
