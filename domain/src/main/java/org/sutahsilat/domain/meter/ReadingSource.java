package org.sutahsilat.domain.meter;

/** How a reading reached us. */
public enum ReadingSource {
    HANDHELD,
    OFFICE,
    IMPORT,
    SELF,
    ESTIMATE
}
