package org.sutahsilat.domain.meter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberRepository;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Import of meter readings from a CSV file (the office door; the route page and the handhelds use
 * {@link ReadingService} directly, and so does this import, row by row, with the same rules).
 *
 * <h2>Format (also in docs/readings-csv.md)</h2>
 * <ul>
 * <li><b>Encoding</b> UTF-8; a byte-order mark (Excel's "CSV UTF-8") is tolerated. Another encoding (Windows-1254)
 *     is refused as a whole: {@code error.readingImport.notUtf8}.</li>
 * <li><b>Separator</b> {@code ;} or {@code ,}, detected from the header line (the one it contains more of;
 *     {@code ;} on a tie). Values may be quoted with {@code "} (a quote inside is doubled: {@code ""}); spaces
 *     around values are ignored.</li>
 * <li><b>Header</b> required on line 1: {@code abone_no;okuma_tarihi;endeks[;sayac_seri_no][;not]}. Columns are
 *     matched by name (any order, case-insensitive, Turkish letters and spaces tolerated: "Sayaç Seri No"); an
 *     unknown, repeated or missing required column refuses the file.</li>
 * <li><b>abone_no</b>: the subscriber number (1 to 20 digits) in the institution the file is imported for; a
 *     number of another institution is "unknown". One line per subscriber: a repeated number is an error.</li>
 * <li><b>okuma_tarihi</b>: {@code dd.MM.yyyy} (also {@code d.M.yyyy}) or ISO {@code yyyy-MM-dd}; not in the future
 *     (Turkish time), and from {@link ReadingCsvLimits#maxDaysBeforePeriod()} days before the period to
 *     {@link ReadingCsvLimits#maxDaysAfterPeriod()} days after it (60 and 31 by default). Inside that window a
 *     date the reading rules consider stale is kept with the STALE_DATE flag.</li>
 * <li><b>endeks</b>: the meter index, digits only (no sign, decimals or thousands separators).</li>
 * <li><b>sayac_seri_no</b> (optional): when given, it must be the serial of the meter installed at the
 *     subscriber.</li>
 * <li><b>not</b> (optional): a note of at most 500 characters, stored with the reading.</li>
 * <li>Empty lines are skipped. One period per file, chosen by the operator, not in the file.</li>
 * <li><b>Limits</b> ({@link ReadingCsvLimits#DEFAULT}): 8 MiB and 50 000 readings; a larger file is refused
 *     with {@code error.readingImport.tooLarge} / {@code tooManyRows} before anything else.</li>
 * </ul>
 *
 * <h2>Validation</h2>
 * {@link #validate} reads the whole file and reports every line: valid lines with the consumption and flags that
 * would be recorded, refused lines with the 1-based line number of the file (the header is line 1) and each
 * reason ({@link ImportProblem}: a message key of the {@code ReadingMessages} bundles, its arguments and an
 * English text): syntax ({@code error.readingImport.*}: bad number, bad date, date far from the period, non-numeric
 * index, duplicate subscriber, too many columns, a broken quote), then against the data within the tenant scope
 * ({@code unknownSubscriber}, and the keys of {@link ReadingService}: {@code error.reading.wrongMeter},
 * {@code alreadyRecorded}, {@code noMeter}, {@code subscriberClosed}, and the reading rules' own rejections such as
 * {@code error.reading.lowerIndex}). A broken quote stops the parser: the lines after it are not checked.
 *
 * <h2>Import</h2>
 * {@link #importFile} validates the whole file first and stores every reading, in one transaction, only when every
 * line is valid; a refused file stores nothing and its report says why. Readings are stored with source IMPORT and
 * the importing user as {@code read_by}.
 */
@ApplicationScoped
@Transactional
public class ReadingCsvImport {

    private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
    /** Subscribers whose histories are loaded together (bounded memory on a 50 000-line file). */
    private static final int CHUNK = 500;

    private ReadingService readings;
    private SubscriberRepository subscribers;
    private Clock clock;
    private ReadingCsvLimits limits = ReadingCsvLimits.DEFAULT;

    protected ReadingCsvImport() {
        // for CDI proxies
    }

    @Inject
    public ReadingCsvImport(ReadingService readings, SubscriberRepository subscribers, Clock clock) {
        this.readings = readings;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    public ReadingCsvImport withLimits(ReadingCsvLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /** Checks the whole file and stores nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReadingImportReport validate(long institutionId, BillingPeriod period, InputStream file) {
        return check(institutionId, period, file).report;
    }

    /**
     * Checks the whole file and, only if every line is valid, stores all its readings in this one transaction.
     *
     * @param importedBy the user importing the file (stored as {@code read_by}); may be {@code null}
     * @return the report; {@link ReadingImportReport#stored()} is 0 for a refused file
     */
    public ReadingImportReport importFile(long institutionId, BillingPeriod period, InputStream file, Long importedBy) {
        Validation v = check(institutionId, period, file);
        if (!v.report.isValid()) {
            return v.report;
        }
        readings.postAll(v.checks, ReadingSource.IMPORT, importedBy, v.notes);
        return v.report.withStored(v.checks.size());
    }

    private record Validation(ReadingImportReport report, List<ReadingCheck> checks, List<String> notes) {
    }

    private Validation check(long institutionId, BillingPeriod period, InputStream file) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(file, "file");
        LocalDate today = LocalDate.now(clock.withZone(TURKEY));
        ReadingCsvFile.Parsed parsed = new ReadingCsvFile(limits, period, today).parse(file);
        List<ReadingCsvFile.Line> lines = parsed.lines();

        Set<SubscriberNo> nos = new java.util.HashSet<>();
        lines.stream().filter(l -> l.subscriberNo() != null).forEach(l -> nos.add(l.subscriberNo()));
        Map<SubscriberNo, Subscriber> known = subscribers.findByNos(institutionId, nos);

        List<ImportRow> rows = new ArrayList<>(lines.size());
        List<ReadingCheck> checks = new ArrayList<>(lines.size());
        List<String> notes = new ArrayList<>(lines.size());
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<ReadingCsvFile.Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            List<Subscriber> chunkSubscribers = chunk.stream().filter(l -> l.problems().isEmpty())
                    .map(l -> known.get(l.subscriberNo())).filter(Objects::nonNull).distinct().toList();
            Map<Long, SubscriberReadings> contexts = readings.load(chunkSubscribers, period);
            for (ReadingCsvFile.Line line : chunk) {
                List<ImportProblem> problems = new ArrayList<>(line.problems());
                Subscriber subscriber = line.subscriberNo() == null ? null : known.get(line.subscriberNo());
                if (line.subscriberNo() != null && subscriber == null) {
                    problems.add(ImportProblem.of(line.line(), "error.readingImport.unknownSubscriber",
                            "line " + line.line() + ": no subscriber " + line.subscriberNo() + " in this institution",
                            line.line(), line.subscriberNo().value()));
                }
                if (!problems.isEmpty()) {
                    rows.add(new ImportRow(line.line(), line.subscriberNoText(), line.readingDate(), line.index(),
                            null, null, Set.of(), problems));
                    continue;
                }
                ReadingCheck check = readings.check(contexts.get(subscriber.getId()), line.meterSerial(), period,
                        line.readingDate(), line.index());
                if (check.evaluation() instanceof Accepted a) {
                    rows.add(new ImportRow(line.line(), line.subscriberNoText(), line.readingDate(), line.index(),
                            a.consumption().value(), a.kind(), a.flags(), List.of()));
                    checks.add(check);
                    notes.add(line.note());
                } else {
                    rows.add(new ImportRow(line.line(), line.subscriberNoText(), line.readingDate(), line.index(),
                            null, null, Set.of(), List.of(ImportProblem.of(line.line(),
                            (Rejected) check.evaluation()))));
                }
            }
        }
        ReadingImportReport report = new ReadingImportReport(period, parsed.fileProblems(), rows, 0);
        return new Validation(report, checks, notes);
    }
}
