package org.sutahsilat.admin.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sutahsilat.admin.ui.Messages;
import org.sutahsilat.admin.ui.ReadingTexts;
import org.sutahsilat.domain.device.DeviceIdentity;
import org.sutahsilat.domain.meter.GpsPosition;
import org.sutahsilat.domain.meter.NewReading;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingFlag;
import org.sutahsilat.domain.meter.ReadingService;
import org.sutahsilat.domain.meter.ReadingSource;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Hands one reading of a device to {@link ReadingService} (in the device's institution, read by the device's reader,
 * source HANDHELD) and translates the outcome. Posting the same reading again is answered ALREADY_RECORDED and
 * stores nothing: the service refuses a second reading of a period ({@code error.reading.alreadyRecorded}), and when
 * the recorded index is the one posted (or the post is a no-access estimate) that refusal is the echo of a repeated
 * request, not an error.
 */
@ApplicationScoped
public class ReadingPoster {

    public static final String STORED = "STORED";
    public static final String ALREADY_RECORDED = "ALREADY_RECORDED";
    public static final String REJECTED = "REJECTED";

    @Inject
    ReadingService readings;
    @Inject
    Clock clock;

    public ReadingResultJson post(DeviceIdentity device, ReadingJson in, Locale locale) {
        ReadingResultJson out = new ReadingResultJson();
        out.ref = in.ref;
        out.subscriberNo = in.subscriberNo;
        boolean noAccess = Boolean.TRUE.equals(in.noAccess);
        try {
            if (in.subscriberNo == null || in.subscriberNo.isBlank()) {
                return rejected(out, "api.subscriberNoRequired", locale);
            }
            if (!noAccess && in.index == null) {
                return rejected(out, "api.indexRequired", locale);
            }
            if (!noAccess && in.index < 0) {
                return rejected(out, "api.indexNegative", locale);
            }
            LocalDate date;
            BillingPeriod period;
            try {
                date = in.readingDate == null || in.readingDate.isBlank()
                        ? LocalDate.now(clock.withZone(RouteResource.TURKEY)) : LocalDate.parse(in.readingDate.strip());
            } catch (DateTimeParseException e) {
                return rejected(out, "api.badDate", locale);
            }
            if (date.isAfter(LocalDate.now(clock.withZone(RouteResource.TURKEY)))) {
                // as the CSV import: a reading cannot be dated after today (Turkish time)
                return rejected(out, "api.dateInFuture", locale);
            }
            try {
                period = in.period == null || in.period.isBlank() ? BillingPeriod.containing(date)
                        : BillingPeriod.parse(in.period.strip());
            } catch (RuntimeException e) {
                return rejected(out, "error.period.invalid", locale);
            }
            SubscriberNo no;
            try {
                no = new SubscriberNo(in.subscriberNo.strip());
            } catch (RuntimeException e) {
                return unknownSubscriber(out, in.subscriberNo, locale);
            }
            GpsPosition gps = in.latitude == null || in.longitude == null ? null
                    : new GpsPosition(in.latitude, in.longitude);
            Reading stored = noAccess
                    ? readings.estimate(device.institutionId(), no, period, date, device.userId(), in.note)
                    : readings.record(device.institutionId(), no, new NewReading(in.meterSerial, period, date,
                    in.index, ReadingSource.HANDHELD, device.userId(), gps, in.note));
            out.status = STORED;
            out.index = stored.getMeterIndex();
            out.consumption = stored.getConsumption().value();
            out.kind = stored.getKind().name();
            out.flags = ReadingFlag.parse(stored.getFlags()).stream().map(Enum::name).toList();
            String text = Messages.text(locale, "reading.consumption", out.consumption);
            String flags = ReadingTexts.flags(locale, ReadingFlag.parse(stored.getFlags()));
            out.message = Messages.text(locale, "api.stored") + " " + (flags.isEmpty() ? text : text + " · " + flags);
            return out;
        } catch (NotFoundException e) {
            return unknownSubscriber(out, in.subscriberNo, locale);
        } catch (DomainException e) {
            List<Object> args = Arrays.asList(e.arguments());
            if ("error.reading.alreadyRecorded".equals(e.messageKey())
                    && (noAccess || args.size() > 2 && Objects.equals(asLong(args.get(2)), in.index))) {
                out.status = ALREADY_RECORDED;
                out.reason = e.messageKey();
                out.index = asLong(args.size() > 2 ? args.get(2) : null);
                out.message = Messages.text(locale, "api.alreadyRecorded");
                return out;
            }
            out.status = REJECTED;
            out.reason = e.messageKey();
            out.message = ReadingTexts.refusal(locale, e.messageKey(), args, e.getMessage());
            return out;
        }
    }

    private static Long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static ReadingResultJson rejected(ReadingResultJson out, String key, Locale locale) {
        out.status = REJECTED;
        out.reason = key;
        out.message = Messages.text(locale, key);
        return out;
    }

    private static ReadingResultJson unknownSubscriber(ReadingResultJson out, String no, Locale locale) {
        out.status = REJECTED;
        out.reason = "reading.unknownSubscriber";
        out.message = Messages.text(locale, "reading.unknownSubscriber", no);
        return out;
    }
}
