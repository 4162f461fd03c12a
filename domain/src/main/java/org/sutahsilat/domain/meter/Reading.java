package org.sutahsilat.domain.meter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Okuma: one meter index for one period, with the consumption it implies. Posted, never edited. */
@Entity
@Table(name = "reading")
public class Reading extends TenantOwned {

    @Column(name = "subscriber_id", nullable = false)
    private Long subscriberId;
    @Column(name = "meter_id", nullable = false)
    private Long meterId;
    @Column(nullable = false, length = 7)
    private BillingPeriod period;
    @Column(name = "reading_date", nullable = false)
    private LocalDate readingDate;
    @Column(name = "meter_index", nullable = false)
    private long meterIndex;
    @Column(name = "consumption_m3", nullable = false)
    private CubicMeters consumption;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReadingKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReadingSource source;
    private String flags;
    @Column(name = "read_by")
    private Long readBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "gps_lat")
    private BigDecimal gpsLat;
    @Column(name = "gps_lng")
    private BigDecimal gpsLng;
    @Column(name = "photo_ref")
    private String photoRef;
    @Column(length = NewReading.MAX_NOTE_LENGTH)
    private String note;

    protected Reading() {
    }

    private Reading(long institutionId) {
        super(institutionId);
    }

    public static Reading record(Meter meter, BillingPeriod period, LocalDate readingDate, long meterIndex,
                                 CubicMeters consumption, ReadingKind kind, ReadingSource source, Long readBy,
                                 Instant now) {
        Reading r = new Reading(meter.getInstitutionId());
        r.subscriberId = meter.getSubscriberId();
        r.meterId = meter.getId();
        r.period = period;
        r.readingDate = readingDate;
        r.meterIndex = meterIndex;
        r.consumption = consumption;
        r.kind = kind;
        r.source = source;
        r.readBy = readBy;
        r.recordedAt = now;
        return r;
    }

    /**
     * Posts what the reading rules accepted ({@link ReadingEvaluator}): its index, consumption, kind and flags, on
     * the meter it was evaluated for.
     */
    public static Reading record(Meter meter, ReadingEvaluation.Accepted evaluation, ReadingSource source,
                                 Long readBy, Instant now) {
        if (meter.getId() == null || meter.getId() != evaluation.meterId()) {
            throw new IllegalArgumentException("the evaluation is for meter " + evaluation.meterId() + ", not "
                    + meter.getId());
        }
        Reading r = record(meter, evaluation.period(), evaluation.readingDate(), evaluation.index(),
                evaluation.consumption(), evaluation.kind(), source, readBy, now);
        r.flags = evaluation.flagsText();
        return r;
    }

    /** {@link #record(Meter, ReadingEvaluation.Accepted, ReadingSource, Long, Instant)} with where it was read and a note. */
    public static Reading record(Meter meter, ReadingEvaluation.Accepted evaluation, ReadingSource source,
                                 Long readBy, Instant now, GpsPosition gps, String note) {
        Reading r = record(meter, evaluation, source, readBy, now);
        if (gps != null) {
            r.gpsLat = gps.latitude();
            r.gpsLng = gps.longitude();
        }
        r.note = NewReading.normalizeNote(note);
        return r;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public Long getMeterId() {
        return meterId;
    }

    public BillingPeriod getPeriod() {
        return period;
    }

    public LocalDate getReadingDate() {
        return readingDate;
    }

    public long getMeterIndex() {
        return meterIndex;
    }

    public CubicMeters getConsumption() {
        return consumption;
    }

    public ReadingKind getKind() {
        return kind;
    }

    public ReadingSource getSource() {
        return source;
    }

    public String getFlags() {
        return flags;
    }

    public Long getReadBy() {
        return readBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Optional<GpsPosition> getGps() {
        return gpsLat == null || gpsLng == null ? Optional.empty() : Optional.of(new GpsPosition(gpsLat, gpsLng));
    }

    public String getNote() {
        return note;
    }
}
