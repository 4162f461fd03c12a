package org.sutahsilat.domain.meter;

public enum ReadingKind {
    ACTUAL,
    ESTIMATED
}
