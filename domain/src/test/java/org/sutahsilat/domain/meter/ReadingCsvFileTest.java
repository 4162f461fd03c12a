package org.sutahsilat.domain.meter;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The file format of the reading import: encoding, separator, header, line numbers and the per-line rules. */
class ReadingCsvFileTest {

    private static final BillingPeriod MARCH = BillingPeriod.of(2026, 3);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static ReadingCsvFile.Parsed parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), ReadingCsvLimits.DEFAULT);
    }

    private static ReadingCsvFile.Parsed parse(byte[] bytes, ReadingCsvLimits limits) {
        return new ReadingCsvFile(limits, MARCH, TODAY).parse(new ByteArrayInputStream(bytes));
    }

    private static List<String> keys(ReadingCsvFile.Line line) {
        return line.problems().stream().map(ImportProblem::messageKey).toList();
    }

    @Test
    void aSemicolonFileWithABomAndTurkishLettersParses() {
        ReadingCsvFile.Parsed p = parse("\uFEFFabone_no;okuma_tarihi;endeks;sayac_seri_no;not\r\n"
                + "101;05.03.2026;1234;SN-1;Kapı kilitli, bahçeden okundu\r\n"
                + "102;2026-03-06;0;;\"Çeşme; ığdır ÖĞÜŞ\"\r\n");
        assertThat(p.separator()).isEqualTo(';');
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.lines()).hasSize(2).allSatisfy(l -> assertThat(l.problems()).isEmpty());
        ReadingCsvFile.Line first = p.lines().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.subscriberNo().value()).isEqualTo("101");
        assertThat(first.readingDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(first.index()).isEqualTo(1234L);
        assertThat(first.meterSerial()).isEqualTo("SN-1");
        assertThat(first.note()).isEqualTo("Kapı kilitli, bahçeden okundu");
        ReadingCsvFile.Line second = p.lines().get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.meterSerial()).isNull();
        assertThat(second.note()).isEqualTo("Çeşme; ığdır ÖĞÜŞ");
    }

    @Test
    void aCommaFileWithColumnsInAnotherOrderAndATurkishHeaderParses() {
        ReadingCsvFile.Parsed p = parse("Endeks, Abone No ,Okuma Tarihi,Sayaç Seri No\n"
                + "77,5,1.3.2026,A1\n"
                + "\"88\",6,2026-03-02,\n");
        assertThat(p.separator()).isEqualTo(',');
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.lines()).extracting(l -> l.subscriberNo().value(), ReadingCsvFile.Line::index,
                        ReadingCsvFile.Line::readingDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5", 77L, LocalDate.of(2026, 3, 1)),
                        org.assertj.core.groups.Tuple.tuple("6", 88L, LocalDate.of(2026, 3, 2)));
    }

    @Test
    void lineNumbersAreTheFilesEvenAfterBlankLinesAndAMultiLineNote() {
        ReadingCsvFile.Parsed p = parse("abone_no;okuma_tarihi;endeks;not\n"
                + "1;05.03.2026;10;\"iki\nsatırlık not\"\n"
                + "\n"
                + "2;05.03.2026;x1;\n"
                + "   \n"
                + "3;31.02.2026;10;\n");
        assertThat(p.lines()).extracting(ReadingCsvFile.Line::line).containsExactly(2, 5, 7);
        assertThat(p.lines().get(0).note()).isEqualTo("iki\nsatırlık not");
        assertThat(keys(p.lines().get(1))).containsExactly("error.readingImport.badIndex");
        assertThat(keys(p.lines().get(2))).containsExactly("error.readingImport.badDate");
    }

    @Test
    void everyBadValueIsReportedWithItsLineAndReason() {
        ReadingCsvFile.Parsed p = parse("abone_no;okuma_tarihi;endeks\n"
                + "1;05.03.2026;12,5\n"          // 2: decimal index
                + "2;05.03.2026;-3\n"            // 3: negative index
                + "abc;05.03.2026;10\n"          // 4: not a subscriber number
                + "1;06.03.2026;11\n"            // 5: duplicate of line 2
                + "5;2026-13-01;10\n"            // 6: no such month
                + "6;05.03.2025;10\n"            // 7: a year off
                + "7;25.03.2026;10\n"            // 8: after today
                + "8;05.03.2026;10;extra\n"      // 9: a fourth value under a three-column header
                + "9;05.03.2026;10;\n"           // 10: a trailing separator only: fine
                + "10;;\n");                     // 11: date and index missing
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.lines()).extracting(ReadingCsvFile.Line::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(keys(p.lines().get(0))).containsExactly("error.readingImport.badIndex");
        assertThat(keys(p.lines().get(1))).containsExactly("error.readingImport.badIndex");
        assertThat(keys(p.lines().get(2))).containsExactly("error.readingImport.badSubscriberNo");
        assertThat(keys(p.lines().get(3))).containsExactly("error.readingImport.duplicateSubscriber");
        assertThat(p.lines().get(3).problems().get(0).arguments()).containsExactly(5, "1", 2);
        assertThat(keys(p.lines().get(4))).containsExactly("error.readingImport.badDate");
        assertThat(keys(p.lines().get(5))).containsExactly("error.readingImport.dateFarFromPeriod");
        assertThat(keys(p.lines().get(6))).containsExactly("error.readingImport.dateInFuture");
        assertThat(keys(p.lines().get(7))).containsExactly("error.readingImport.tooManyColumns");
        assertThat(p.lines().get(8).problems()).isEmpty();
        assertThat(keys(p.lines().get(9))).containsExactly("error.readingImport.required",
                "error.readingImport.required");
    }

    @Test
    void theDateWindowRunsFromSixtyDaysBeforeToThirtyOneDaysAfterThePeriod() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        ReadingCsvFile file = new ReadingCsvFile(ReadingCsvLimits.DEFAULT, MARCH, today);
        ReadingCsvFile.Parsed p = file.parse(new ByteArrayInputStream(("abone_no;okuma_tarihi;endeks\n"
                + "1;30.12.2025;1\n2;31.12.2025;1\n3;01.05.2026;1\n4;02.05.2026;1\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(p.lines()).extracting(l -> l.problems().isEmpty()).containsExactly(false, true, true, false);
    }

    @Test
    void anUnclosedQuoteStopsTheParserAtItsLine() {
        ReadingCsvFile.Parsed p = parse("abone_no;okuma_tarihi;endeks;not\n"
                + "1;05.03.2026;10;ok\n"
                + "2;05.03.2026;10;\"açık tırnak\n"
                + "3;05.03.2026;10;\n");
        assertThat(p.lines()).extracting(ReadingCsvFile.Line::line).containsExactly(2);
        assertThat(p.fileProblems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "error.readingImport.unbalancedQuotes"));
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsLine() {
        ReadingCsvFile.Parsed p = parse("abone_no;okuma_tarihi;endeks;not\n"
                + "1;05.03.2026;10;ok\n"
                + "2;05.03.2026;10;\"not\"x\n");
        assertThat(p.fileProblems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "error.readingImport.unbalancedQuotes"));
    }

    @Test
    void aHeaderIsRequiredWithTheThreeColumnsAndNoUnknownOne() {
        assertThat(parse("101;05.03.2026;1234\n").fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.unknownColumn", "error.readingImport.unknownColumn",
                        "error.readingImport.unknownColumn", "error.readingImport.missingColumn",
                        "error.readingImport.missingColumn", "error.readingImport.missingColumn");
        assertThat(parse("abone_no;endeks;okuma\n1;2;3\n").fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.unknownColumn", "error.readingImport.missingColumn");
        assertThat(parse("abone_no;endeks;endeks;okuma_tarihi\n").fileProblems())
                .extracting(ImportProblem::messageKey).containsExactly("error.readingImport.duplicateColumn");
        assertThat(parse("abone_no\n1\n").fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.header");
        assertThat(parse("abone_no;okuma_tarihi;endeks\n\n").fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.noRows");
        assertThat(parse("\uFEFF  \n").fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.empty");
    }

    @Test
    void aFileInAnotherEncodingIsRefusedAsAWhole() {
        byte[] windows1254 = "abone_no;okuma_tarihi;endeks;not\n1;05.03.2026;10;Çeşme\n"
                .getBytes(Charset.forName("windows-1254"));
        ReadingCsvFile.Parsed p = parse(windows1254, ReadingCsvLimits.DEFAULT);
        assertThat(p.fileProblems()).extracting(ImportProblem::messageKey).containsExactly("error.readingImport.notUtf8");
        assertThat(p.lines()).isEmpty();
    }

    @Test
    void aHugeFileFailsClearly() {
        StringBuilder b = new StringBuilder("abone_no;okuma_tarihi;endeks\n");
        for (int i = 1; i <= 11; i++) {
            b.append(i).append(";05.03.2026;").append(i).append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        ReadingCsvFile.Parsed tooManyRows = parse(bytes, new ReadingCsvLimits(1 << 20, 10, 60, 31));
        assertThat(tooManyRows.fileProblems()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12, "error.readingImport.tooManyRows"));
        ReadingCsvFile.Parsed tooLarge = parse(bytes, new ReadingCsvLimits(100, 50_000, 60, 31));
        assertThat(tooLarge.fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("error.readingImport.tooLarge");
        assertThat(tooLarge.lines()).isEmpty();
    }

    @Test
    void problemsReadInTurkishAndEnglishWithAnEnglishFallback() {
        ImportProblem p = ImportProblem.of(4, "error.readingImport.unknownSubscriber", "line 4: no subscriber 9001",
                4, "9001");
        assertThat(p.text(Locale.forLanguageTag("tr-TR"))).isEqualTo("Bu kurumda 9001 numaralı abone yok.");
        assertThat(p.text(Locale.ENGLISH)).isEqualTo("No subscriber 9001 in this institution.");
        ImportProblem lower = ImportProblem.of(7, "error.reading.lowerIndex", "fallback", 1200L, 1500L, 5);
        assertThat(lower.text(Locale.ENGLISH)).isEqualTo("Index 1200 is lower than the previous index 1500 and the"
                + " 5-digit meter is not near its rollover.");
        assertThat(ImportProblem.of(1, "no.such.key", "English fallback").text(Locale.ENGLISH))
                .isEqualTo("English fallback");
    }

    @Test
    void everyMessageKeyUsedHasATurkishAndAnEnglishText() {
        var tr = java.util.ResourceBundle.getBundle(ImportProblem.BUNDLE, Locale.ROOT);
        var en = java.util.ResourceBundle.getBundle(ImportProblem.BUNDLE, Locale.ENGLISH);
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(tr.keySet());
        assertThat(tr.keySet()).contains("error.reading.lowerIndex", "error.reading.rolloverImplausible",
                "error.reading.alreadyRecorded", "error.reading.wrongMeter", "error.readingImport.badDate");
    }
}
