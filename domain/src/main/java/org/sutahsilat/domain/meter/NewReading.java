package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A meter index as one of the three doors (route page, CSV import, handheld REST) hands it to
 * {@link ReadingService#record}.
 *
 * @param meterSerial the serial the reader saw on the meter; {@code null} to read the installed meter without a check
 * @param readBy      the user (reader, operator) who read or entered it; {@code null} when unknown
 * @param gps         where it was read; optional
 * @param note        a remark, at most {@value #MAX_NOTE_LENGTH} characters; blank is none
 */
public record NewReading(String meterSerial, BillingPeriod period, LocalDate readingDate, long index,
                         ReadingSource source, Long readBy, GpsPosition gps, String note) {

    public static final int MAX_NOTE_LENGTH = 500;

    public NewReading {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(readingDate, "readingDate");
        Objects.requireNonNull(source, "source");
        if (source == ReadingSource.ESTIMATE) {
            throw new IllegalArgumentException("an estimate is made with ReadingService.estimate, not recorded");
        }
        meterSerial = meterSerial == null || meterSerial.isBlank() ? null : meterSerial.trim();
        note = normalizeNote(note);
    }

    public static NewReading of(BillingPeriod period, LocalDate readingDate, long index, ReadingSource source,
                                Long readBy) {
        return new NewReading(null, period, readingDate, index, source, readBy, null, null);
    }

    /** Trimmed, {@code null} when blank; too long a note is refused. */
    static String normalizeNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String trimmed = note.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NOTE_LENGTH) {
            throw new DomainException("error.reading.noteTooLong",
                    "the note is longer than " + MAX_NOTE_LENGTH + " characters", MAX_NOTE_LENGTH);
        }
        return trimmed;
    }
}
