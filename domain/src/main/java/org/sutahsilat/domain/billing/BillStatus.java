package org.sutahsilat.domain.billing;

/** ISSUED: in force. REVERSED: cancelled by a reversal bill. REVERSAL: the negative bill that cancels another. */
public enum BillStatus {
    ISSUED,
    REVERSED,
    REVERSAL
}
