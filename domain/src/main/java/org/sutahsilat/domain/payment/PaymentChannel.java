package org.sutahsilat.domain.payment;

public enum PaymentChannel {
    CASH,
    OFFICE,
    BANK,
    CARD
}
