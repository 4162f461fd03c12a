package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.meter.GpsPosition;
import org.sutahsilat.domain.meter.ImportProblem;
import org.sutahsilat.domain.meter.ImportRow;
import org.sutahsilat.domain.meter.Meter;
import org.sutahsilat.domain.meter.NewReading;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingCsvImport;
import org.sutahsilat.domain.meter.ReadingFlag;
import org.sutahsilat.domain.meter.ReadingImportReport;
import org.sutahsilat.domain.meter.ReadingKind;
import org.sutahsilat.domain.meter.ReadingService;
import org.sutahsilat.domain.meter.ReadingSource;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.tenant.FixedTenantContext;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reading import and the reading service on a real MariaDB with the real migrations: a valid file is stored in
 * one go, a file with bad lines stores nothing and names each bad line, tenant scope, re-import, both separators.
 */
class ReadingCsvImportIT {

    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final BillingPeriod FEBRUARY = BillingPeriod.of(2026, 2);
    private static final BillingPeriod MARCH = BillingPeriod.of(2026, 3);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEADER = "abone_no;okuma_tarihi;endeks;sayac_seri_no;not\n";

    // ---------------------------------------------------------------- the import

    @Test
    void aValidFileIsStoredWithTheRightConsumptionAndImportingItAgainStoresNothing() {
        Village v = Village.create(20, 101, Map.of(120, 99_990L));
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20; i++) {
            int no = 100 + i;
            long index = switch (i) {
                case 5 -> v.previousIndex(no);                // the meter did not move
                case 20 -> 15;                                 // 99 990 → 15 on a 5-digit dial
                default -> v.previousIndex(no) + i;
            };
            String note = i == 1 ? "Sayaç çukurda; ığdır ŞÖÜĞ çalışıyor" : "";
            csv.append(no).append(';').append(i % 2 == 0 ? "2026-03-05" : "05.03.2026").append(';').append(index)
                    .append(';').append(i == 3 ? v.serial(no) : "").append(';')
                    .append(note.contains(";") ? "\"" + note + "\"" : note).append('\n');
        }
        long before = count(v.id);

        ReadingImportReport report = importFile(v.id, TenantScope.of(v.id), csv.toString());

        assertThat(report.problems()).isEmpty();
        assertThat(report.isValid()).isTrue();
        assertThat(report.stored()).isEqualTo(20);
        assertThat(count(v.id)).isEqualTo(before + 20);
        assertThat(report.rows()).extracting(ImportRow::line).containsExactlyElementsOf(
                IntStream.rangeClosed(2, 21).boxed().toList());
        ImportRow zero = report.rows().get(4);
        assertThat(zero.consumption()).isZero();
        assertThat(zero.flags()).containsExactly(ReadingFlag.ZERO);
        ImportRow rollover = report.rows().get(19);
        assertThat(rollover.consumption()).isEqualTo(25);
        assertThat(rollover.flags()).containsExactly(ReadingFlag.ROLLOVER);

        Map<Integer, Stored> stored = stored(v, MARCH);
        assertThat(stored).hasSize(20);
        assertThat(stored.get(103).consumption()).isEqualTo(3);
        assertThat(stored.get(103).flags()).isNull();
        assertThat(stored.get(105).consumption()).isZero();
        assertThat(stored.get(105).flags()).isEqualTo("ZERO");
        assertThat(stored.get(120).consumption()).isEqualTo(25);
        assertThat(stored.get(120).index()).isEqualTo(15);
        assertThat(stored.get(120).flags()).isEqualTo("ROLLOVER");
        assertThat(stored.get(102).readingDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(stored.values()).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo("IMPORT");
            assertThat(s.kind()).isEqualTo("ACTUAL");
        });
        assertThat(stored.get(101).note()).isEqualTo("Sayaç çukurda; ığdır ŞÖÜĞ çalışıyor");
        assertThat(stored.get(104).note()).isNull();

        ReadingImportReport again = importFile(v.id, TenantScope.of(v.id), csv.toString());

        assertThat(again.isValid()).isFalse();
        assertThat(again.stored()).isZero();
        assertThat(again.errorLines()).containsExactlyElementsOf(IntStream.rangeClosed(2, 21).boxed().toList());
        assertThat(again.problems()).extracting(ImportProblem::messageKey)
                .containsOnly("error.reading.alreadyRecorded");
        assertThat(again.problems().get(0).text(Locale.ENGLISH))
                .isEqualTo("A reading for 2026-03 is already recorded for subscriber 101 (index "
                        + (v.previousIndex(101) + 1) + " on 2026-03-05).");
        assertThat(count(v.id)).isEqualTo(before + 20);
    }

    @Test
    void aFileWithThreeBadLinesNamesExactlyThoseLinesAndStoresNothing() {
        Village v = Village.create(8, 201, Map.of());
        String csv = HEADER
                + "201;05.03.2026;" + (v.previousIndex(201) + 4) + ";;\n"        // 2
                + "202;05.03.2026;" + (v.previousIndex(202) + 6) + ";;\n"        // 3
                + "999;05.03.2026;1500;;bilinmeyen abone\n"                      // 4: unknown subscriber
                + "203;05.03.2026;" + (v.previousIndex(203) + 2) + ";;\n"        // 5
                + "204;05.03.2026;" + (v.previousIndex(204) - 100) + ";;\n"      // 6: lower index, far from rollover
                + "205;05.03.2026;" + (v.previousIndex(205) + 1) + ";;\n"        // 7
                + "206;32.03.2026;" + (v.previousIndex(206) + 9) + ";;\n"        // 8: no such day
                + "207;05.03.2026;" + (v.previousIndex(207) + 3) + ";;\n";       // 9
        long before = count(v.id);

        for (ReadingImportReport report : List.of(validate(v.id, TenantScope.of(v.id), csv),
                importFile(v.id, TenantScope.of(v.id), csv))) {
            assertThat(report.isValid()).isFalse();
            assertThat(report.stored()).isZero();
            assertThat(report.fileProblems()).isEmpty();
            assertThat(report.errorLines()).containsExactly(4, 6, 8);
            assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::messageKey).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(4, "error.readingImport.unknownSubscriber"),
                    org.assertj.core.groups.Tuple.tuple(6, "error.reading.lowerIndex"),
                    org.assertj.core.groups.Tuple.tuple(8, "error.readingImport.badDate"));
            assertThat(report.problems().get(1).text(Locale.forLanguageTag("tr")))
                    .isEqualTo("Endeks " + (v.previousIndex(204) - 100) + " önceki endeksten ("
                            + v.previousIndex(204) + ") düşük ve 5 haneli sayaç başa dönme sınırına yakın değil.");
            assertThat(report.validRows()).isEqualTo(5);
            assertThat(report.rows().get(0).consumption()).isEqualTo(4);
        }
        assertThat(count(v.id)).isEqualTo(before);
    }

    @Test
    void aSubscriberNumberOfAnotherInstitutionIsUnknown() {
        Village a = Village.create(2, 301, Map.of());
        Village b = Village.create(2, 5001, Map.of());
        String csv = HEADER
                + "301;05.03.2026;" + (a.previousIndex(301) + 5) + ";;\n"
                + "5001;05.03.2026;" + (b.previousIndex(5001) + 5) + ";;\n";
        long beforeA = count(a.id);
        long beforeB = count(b.id);

        ReadingImportReport report = importFile(a.id, TenantScope.of(a.id), csv);

        assertThat(report.errorLines()).containsExactly(3);
        assertThat(report.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.unknownSubscriber");
        // an operator of A importing into B sees no subscriber of B at all
        ReadingImportReport intoB = importFile(b.id, TenantScope.of(a.id), HEADER
                + "5001;05.03.2026;" + (b.previousIndex(5001) + 5) + ";;\n");
        assertThat(intoB.errorLines()).containsExactly(2);
        assertThat(intoB.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.unknownSubscriber");
        assertThat(count(a.id)).isEqualTo(beforeA);
        assertThat(count(b.id)).isEqualTo(beforeB);
    }

    @Test
    void aSemicolonFileWithABomAndACommaFileBothImportWithTheirTurkishNotes() {
        Village v = Village.create(4, 401, Map.of());
        String semicolon = "\uFEFFabone_no;okuma_tarihi;endeks;not\r\n"
                + "401;05.03.2026;" + (v.previousIndex(401) + 7) + ";Köpek var, dikkat\r\n"
                + "402;06.03.2026;" + (v.previousIndex(402) + 8) + ";\r\n";
        String comma = "abone_no,okuma_tarihi,endeks,sayac_seri_no,not\n"
                + "403,2026-03-07," + (v.previousIndex(403) + 9) + "," + v.serial(403)
                + ",\"Çıkış kapısı, ağaçlığın yanında\"\n"
                + "404,07.03.2026," + (v.previousIndex(404) + 10) + ",,ÜĞİŞÇÖ ığüşöç\n";

        ReadingImportReport first = importFile(v.id, TenantScope.all(), semicolon);
        ReadingImportReport second = importFile(v.id, TenantScope.all(), comma);

        assertThat(first.problems()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(first.stored() + second.stored()).isEqualTo(4);
        Map<Integer, Stored> stored = stored(v, MARCH);
        assertThat(stored).hasSize(4);
        assertThat(stored.get(401).consumption()).isEqualTo(7);
        assertThat(stored.get(404).consumption()).isEqualTo(10);
        assertThat(stored.get(401).note()).isEqualTo("Köpek var, dikkat");
        assertThat(stored.get(403).note()).isEqualTo("Çıkış kapısı, ağaçlığın yanında");
        assertThat(stored.get(404).note()).isEqualTo("ÜĞİŞÇÖ ığüşöç");
    }

    @Test
    void aWrongMeterSerialIsRefused() {
        Village v = Village.create(1, 501, Map.of());
        ReadingImportReport report = importFile(v.id, TenantScope.of(v.id), HEADER
                + "501;05.03.2026;" + (v.previousIndex(501) + 5) + ";BAŞKA-SAYAÇ;\n");
        assertThat(report.errorLines()).containsExactly(2);
        assertThat(report.problems()).extracting(ImportProblem::messageKey).containsExactly("error.reading.wrongMeter");
        assertThat(report.stored()).isZero();
    }

    // ---------------------------------------------------------------- the service (route page, handhelds)

    @Test
    void theServiceRecordsPreviewsEstimatesAndRefusesWithTheRulesKey() {
        Village v = Village.create(3, 601, Map.of());
        TenantScope scope = TenantScope.of(v.id);
        long prev = v.previousIndex(601);
        NewReading reading = new NewReading(v.serial(601), MARCH, LocalDate.of(2026, 3, 5), prev + 12,
                ReadingSource.HANDHELD, null, GpsPosition.of("40.4567891", "31.2"), "Bahçe kapısı açık");

        var preview = inService(scope, s -> s.preview(v.id, SubscriberNo.of("601"), reading));
        assertThat(preview.consumption()).isEqualTo(CubicMeters.of(12));
        assertThat(count(v.id)).isEqualTo(3);

        Reading stored = inService(scope, s -> s.record(v.id, SubscriberNo.of("601"), reading));
        assertThat(stored.getId()).isNotNull();
        assertThat(stored.getConsumption()).isEqualTo(CubicMeters.of(12));
        assertThat(stored.getKind()).isEqualTo(ReadingKind.ACTUAL);
        assertThat(stored.getSource()).isEqualTo(ReadingSource.HANDHELD);
        assertThat(stored.getRecordedAt()).isEqualTo(NOW);
        assertThat(stored(v, MARCH).get(601).note()).isEqualTo("Bahçe kapısı açık");
        assertThat(stored.getGps()).contains(GpsPosition.of("40.456789", "31.200000"));

        assertThatThrownBy(() -> inService(scope, s -> s.record(v.id, SubscriberNo.of("601"), reading)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.reading.alreadyRecorded"));
        NewReading lower = NewReading.of(MARCH, LocalDate.of(2026, 3, 5), prev - 50, ReadingSource.OFFICE, null);
        assertThatThrownBy(() -> inService(scope, s -> s.record(v.id, SubscriberNo.of("602"), lower)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.reading.lowerIndex"));

        Reading estimate = inService(scope, s -> s.estimate(v.id, v.subscriberId(603), MARCH,
                LocalDate.of(2026, 3, 5), null, "Kapı kilitli"));
        assertThat(estimate.getKind()).isEqualTo(ReadingKind.ESTIMATED);
        assertThat(estimate.getSource()).isEqualTo(ReadingSource.ESTIMATE);
        assertThat(estimate.getConsumption()).isEqualTo(CubicMeters.of(10)); // the one month of history: 10 m³
        assertThat(estimate.getMeterIndex()).isEqualTo(v.previousIndex(603) + 10);
        assertThat(count(v.id)).isEqualTo(3 + 2);
    }

    @Test
    void theServiceDoesNotSeeASubscriberOfAnotherInstitution() {
        Village a = Village.create(1, 701, Map.of());
        Village b = Village.create(1, 702, Map.of());
        NewReading reading = NewReading.of(MARCH, LocalDate.of(2026, 3, 5), b.previousIndex(702) + 1,
                ReadingSource.HANDHELD, null);
        // by id, claiming the other institution, and by number within a scope that excludes it
        assertThatThrownBy(() -> inService(TenantScope.of(a.id), s -> s.record(a.id, b.subscriberId(702), reading)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(TenantScope.of(a.id), s -> s.record(b.id, b.subscriberId(702), reading)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inService(TenantScope.of(a.id), s -> s.record(b.id, SubscriberNo.of("702"), reading)))
                .isInstanceOf(NotFoundException.class);
        assertThat(count(b.id)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private static ReadingService service(EntityManager em, TenantContext tenant) {
        return new ReadingService(new JpaSubscriberRepository(em, tenant), new JpaMeterRepository(em, tenant),
                new JpaReadingRepository(em, tenant), CLOCK);
    }

    private static <T> T inService(TenantScope scope, Function<ReadingService, T> work) {
        return TestDatabase.inTransaction(em -> work.apply(service(em, new FixedTenantContext(scope))));
    }

    private static ReadingCsvImport importer(EntityManager em, TenantScope scope) {
        TenantContext tenant = new FixedTenantContext(scope);
        return new ReadingCsvImport(service(em, tenant), new JpaSubscriberRepository(em, tenant), CLOCK);
    }

    private static ReadingImportReport importFile(long institutionId, TenantScope scope, String csv) {
        return TestDatabase.inTransaction(em -> importer(em, scope).importFile(institutionId, MARCH, utf8(csv), null));
    }

    private static ReadingImportReport validate(long institutionId, TenantScope scope, String csv) {
        return TestDatabase.inTransaction(em -> importer(em, scope).validate(institutionId, MARCH, utf8(csv)));
    }

    private static ByteArrayInputStream utf8(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(long institutionId) {
        try (Connection c = TestDatabase.settings().connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reading WHERE institution_id = ?")) {
            ps.setLong(1, institutionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(long index, long consumption, String kind, String source, String flags,
                          LocalDate readingDate, String note) {
    }

    /** The readings of the period by subscriber number, read back with plain JDBC. */
    private static Map<Integer, Stored> stored(Village v, BillingPeriod period) {
        Map<Integer, Stored> rows = new LinkedHashMap<>();
        try (Connection c = TestDatabase.settings().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT s.subscriber_no, r.meter_index, r.consumption_m3, r.kind, r.source, r.flags, r.reading_date,"
                        + " r.note FROM reading r JOIN subscriber s ON s.id = r.subscriber_id"
                        + " WHERE r.institution_id = ? AND r.period = ? ORDER BY s.subscriber_no")) {
            ps.setLong(1, v.id);
            ps.setString(2, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(Integer.parseInt(rs.getString(1)), new Stored(rs.getLong(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * An institution whose subscribers are numbered from {@code firstNo}, each with a 5-digit meter and an ACTUAL
     * February reading of 10 m³ at index 1000 + 10 × number (or the given index).
     */
    private static final class Village {
        final long id;
        final String code;
        final Map<Integer, Long> subscriberIds = new LinkedHashMap<>();
        final Map<Integer, Long> previous = new LinkedHashMap<>();

        private Village(long id, String code) {
            this.id = id;
            this.code = code;
        }

        static Village create(int subscribers, int firstNo, Map<Integer, Long> previousIndexes) {
            String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            return TestDatabase.inTransaction(em -> {
                Institution institution = Institution.register(code, "Okuma Köyü " + code, InstitutionKind.VILLAGE,
                        "Bolu", "Mudurnu", NOW);
                em.persist(institution);
                em.flush();
                Village v = new Village(institution.getId(), code);
                for (int no = firstNo; no < firstNo + subscribers; no++) {
                    Subscriber s = Subscriber.register(v.id, SubscriberNo.of(String.valueOf(no)), "Deneme Abone " + no,
                            SubscriberCategory.RESIDENTIAL, PaymentCode.generate(RANDOM), NOW);
                    em.persist(s);
                    em.flush();
                    Meter m = Meter.install(v.id, s.getId(), v.serial(no), 5, 0, LocalDate.of(2025, 1, 1));
                    em.persist(m);
                    em.flush();
                    long index = previousIndexes.getOrDefault(no, 1000L + 10L * (no % 1000));
                    em.persist(Reading.record(m, FEBRUARY, LocalDate.of(2026, 2, 5), index, CubicMeters.of(10),
                            ReadingKind.ACTUAL, ReadingSource.HANDHELD, null, NOW));
                    v.subscriberIds.put(no, s.getId());
                    v.previous.put(no, index);
                }
                return v;
            });
        }

        String serial(int no) {
            return code + "-" + no;
        }

        long previousIndex(int no) {
            return previous.get(no);
        }

        long subscriberId(int no) {
            return subscriberIds.get(no);
        }
    }
}
