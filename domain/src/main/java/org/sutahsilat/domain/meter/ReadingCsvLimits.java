package org.sutahsilat.domain.meter;

/**
 * The limits of a reading file.
 *
 * @param maxBytes            a larger file is refused before it is read
 * @param maxRows             a file with more data lines is refused
 * @param maxDaysBeforePeriod a reading date more than this many days before the period's first day is an error
 * @param maxDaysAfterPeriod  a reading date more than this many days after the period's last day is an error
 */
public record ReadingCsvLimits(int maxBytes, int maxRows, int maxDaysBeforePeriod, int maxDaysAfterPeriod) {

    /** 8 MiB, 50 000 rows, dates from 60 days before the period to 31 days after it. */
    public static final ReadingCsvLimits DEFAULT = new ReadingCsvLimits(8 * 1024 * 1024, 50_000, 60, 31);

    public ReadingCsvLimits {
        if (maxBytes < 1 || maxRows < 1 || maxDaysBeforePeriod < 0 || maxDaysAfterPeriod < 0) {
            throw new IllegalArgumentException("invalid limits");
        }
    }
}
