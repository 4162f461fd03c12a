package org.sutahsilat.domain.subscriber;

/** Abone grubu: mesken, işyeri, resmi daire, bahçe/tarımsal, hayvancılık. Tariffs are per category. */
public enum SubscriberCategory {
    RESIDENTIAL,
    COMMERCIAL,
    PUBLIC,
    AGRICULTURAL,
    LIVESTOCK
}
