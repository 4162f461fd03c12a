package org.sutahsilat.domain.payment;

public enum AllocationKind {
    PRINCIPAL,
    SURCHARGE,
    CREDIT
}
