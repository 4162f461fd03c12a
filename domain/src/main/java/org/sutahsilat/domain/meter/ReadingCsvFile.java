package org.sutahsilat.domain.meter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of a reading file (see {@link ReadingCsvImport} for the format): decoding, header, separator, and the
 * checks of each line that need no database. Pure; used by {@link ReadingCsvImport}.
 */
final class ReadingCsvFile {

    static final String SUBSCRIBER_NO = "abone_no";
    static final String READING_DATE = "okuma_tarihi";
    static final String INDEX = "endeks";
    static final String METER_SERIAL = "sayac_seri_no";
    static final String NOTE = "not";
    static final List<String> REQUIRED = List.of(SUBSCRIBER_NO, READING_DATE, INDEX);
    static final List<String> KNOWN = List.of(SUBSCRIBER_NO, READING_DATE, INDEX, METER_SERIAL, NOTE);

    private static final DateTimeFormatter TURKISH_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PARSER_LINE = Pattern.compile("\\((?:start)?line ([0-9.,]+)\\)");

    /** One data line with what could be read of it. */
    record Line(int line, String subscriberNoText, SubscriberNo subscriberNo, LocalDate readingDate, Long index,
                String meterSerial, String note, List<ImportProblem> problems) {
    }

    record Parsed(char separator, List<ImportProblem> fileProblems, List<Line> lines) {
    }

    private final ReadingCsvLimits limits;
    private final BillingPeriod period;
    private final LocalDate today;

    ReadingCsvFile(ReadingCsvLimits limits, BillingPeriod period, LocalDate today) {
        this.limits = limits;
        this.period = period;
        this.today = today;
    }

    Parsed parse(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limits.maxBytes()) {
            return failed(ImportProblem.of(0, "error.readingImport.tooLarge",
                    "the file is larger than " + limits.maxBytes() + " bytes; split it", limits.maxBytes()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(ImportProblem.of(0, "error.readingImport.notUtf8",
                    "the file is not UTF-8 text (in Excel: save as \"CSV UTF-8\")"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failed(ImportProblem.of(0, "error.readingImport.empty", "the file is empty"));
        }
        String headerLine = text.lines().findFirst().orElse("");
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        if (semicolons == 0 && commas == 0) {
            return failed(ImportProblem.of(1, "error.readingImport.header",
                    "the first line must be the header abone_no;okuma_tarihi;endeks[;sayac_seri_no][;not]"));
        }
        char separator = semicolons >= commas ? ';' : ',';
        return parse(text, separator);
    }

    private Parsed parse(String text, char separator) {
        LineIndex lineIndex = new LineIndex(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setQuote('"')
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();
        List<ImportProblem> fileProblems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int lastLine = 0;
            Map<String, Integer> columns = null;
            Map<String, Integer> firstLineOf = new HashMap<>();
            int dataRows = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int at = parserLine(e, lastLine + 1);
                    fileProblems.add(ImportProblem.of(at, "error.readingImport.unbalancedQuotes",
                            "line " + at + ": a quoted value is not closed or is followed by other text;"
                                    + " the file was read up to there", at));
                    break;
                }
                int line = lineIndex.lineOf(record.getCharacterPosition());
                lastLine = line;
                if (columns == null) {
                    columns = header(record, line, fileProblems);
                    if (columns == null) {
                        break;
                    }
                    continue;
                }
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (++dataRows > limits.maxRows()) {
                    fileProblems.add(ImportProblem.of(line, "error.readingImport.tooManyRows",
                            "the file has more than " + limits.maxRows() + " readings; split it", limits.maxRows()));
                    break;
                }
                lines.add(line(record, line, columns, firstLineOf));
            }
            if (columns != null && fileProblems.isEmpty() && lines.isEmpty()) {
                fileProblems.add(ImportProblem.of(0, "error.readingImport.noRows", "the file has no readings"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(separator, fileProblems, lines);
    }

    /** The column of each known name, or null (with the problems added) when the header is not usable. */
    private static Map<String, Integer> header(CSVRecord record, int line, List<ImportProblem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        int before = problems.size();
        for (int i = 0; i < record.size(); i++) {
            String raw = record.get(i);
            String name = normalizeName(raw);
            if (name.isEmpty() && i == record.size() - 1 && i > 0) {
                continue; // a trailing separator
            }
            if (!KNOWN.contains(name)) {
                problems.add(ImportProblem.of(line, "error.readingImport.unknownColumn",
                        "unknown column \"" + raw + "\" in the header (known: " + String.join(", ", KNOWN) + ")",
                        raw, i + 1));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(ImportProblem.of(line, "error.readingImport.duplicateColumn",
                        "column " + name + " appears twice in the header", name));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(ImportProblem.of(line, "error.readingImport.missingColumn",
                        "the header has no column " + required + " (the header abone_no;okuma_tarihi;endeks"
                                + "[;sayac_seri_no][;not] is required)", required));
            }
        }
        return problems.size() == before ? columns : null;
    }

    /** Lower case, Turkish letters folded, spaces and dashes as underscores: "Sayaç Seri No" is sayac_seri_no. */
    static String normalizeName(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.forLanguageTag("tr"));
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'ç' -> 'c';
                case 'ğ' -> 'g';
                case 'ı' -> 'i';
                case 'ö' -> 'o';
                case 'ş' -> 's';
                case 'ü' -> 'u';
                case ' ', '-' -> '_';
                default -> c;
            });
        }
        return b.toString();
    }

    private Line line(CSVRecord record, int line, Map<String, Integer> columns, Map<String, Integer> firstLineOf) {
        List<ImportProblem> problems = new ArrayList<>();
        int expected = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int i = expected; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                problems.add(ImportProblem.of(line, "error.readingImport.tooManyColumns",
                        "line " + line + " has " + record.size() + " columns, the header " + expected,
                        line, record.size(), expected));
                break;
            }
        }
        String noText = value(record, columns, SUBSCRIBER_NO);
        SubscriberNo no = null;
        if (noText == null) {
            problems.add(required(line, SUBSCRIBER_NO));
        } else if (!SubscriberNo.isValid(noText)) {
            problems.add(ImportProblem.of(line, "error.readingImport.badSubscriberNo",
                    "line " + line + ": \"" + noText + "\" is not a subscriber number (1 to 20 digits)", line, noText));
        } else {
            no = SubscriberNo.of(noText);
            Integer first = firstLineOf.putIfAbsent(no.value(), line);
            if (first != null) {
                problems.add(ImportProblem.of(line, "error.readingImport.duplicateSubscriber",
                        "line " + line + ": subscriber " + no + " already appears on line " + first
                                + " (one reading per subscriber and period)", line, no.value(), first));
            }
        }
        String dateText = value(record, columns, READING_DATE);
        LocalDate date = null;
        if (dateText == null) {
            problems.add(required(line, READING_DATE));
        } else {
            date = parseDate(dateText);
            if (date == null) {
                problems.add(ImportProblem.of(line, "error.readingImport.badDate",
                        "line " + line + ": \"" + dateText + "\" is not a date (dd.MM.yyyy or yyyy-MM-dd)", line,
                        dateText));
            } else {
                LocalDate earliest = period.month().atDay(1).minusDays(limits.maxDaysBeforePeriod());
                LocalDate latest = period.month().atEndOfMonth().plusDays(limits.maxDaysAfterPeriod());
                if (date.isAfter(today)) {
                    problems.add(ImportProblem.of(line, "error.readingImport.dateInFuture",
                            "line " + line + ": the reading date " + date + " is in the future", line, date));
                    date = null;
                } else if (date.isBefore(earliest) || date.isAfter(latest)) {
                    problems.add(ImportProblem.of(line, "error.readingImport.dateFarFromPeriod",
                            "line " + line + ": the reading date " + date + " is too far from the period " + period
                                    + " (" + earliest + " to " + latest + ")",
                            line, date, period.toString(), earliest, latest));
                    date = null;
                }
            }
        }
        String indexText = value(record, columns, INDEX);
        Long index = null;
        if (indexText == null) {
            problems.add(required(line, INDEX));
        } else if (!DIGITS.matcher(indexText).matches()) {
            problems.add(ImportProblem.of(line, "error.readingImport.badIndex",
                    "line " + line + ": the index \"" + indexText + "\" is not a whole number of m³ (digits only)",
                    line, indexText));
        } else {
            index = Long.parseLong(indexText);
        }
        String serial = value(record, columns, METER_SERIAL);
        String note = value(record, columns, NOTE);
        if (note != null && note.codePointCount(0, note.length()) > NewReading.MAX_NOTE_LENGTH) {
            problems.add(ImportProblem.of(line, "error.readingImport.noteTooLong",
                    "line " + line + ": the note is longer than " + NewReading.MAX_NOTE_LENGTH + " characters", line,
                    NewReading.MAX_NOTE_LENGTH));
        }
        return new Line(line, noText, no, date, index, serial, note, problems);
    }

    static LocalDate parseDate(String text) {
        for (DateTimeFormatter f : Arrays.asList(TURKISH_DATE, ISO_DATE)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static ImportProblem required(int line, String column) {
        return ImportProblem.of(line, "error.readingImport.required",
                "line " + line + ": " + column + " is empty", line, column);
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int parserLine(RuntimeException e, int fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : PARSER_LINE.matcher(t.getMessage());
            if (m != null && m.find()) {
                try {
                    return Integer.parseInt(m.group(1).replaceAll("[.,]", ""));
                } catch (NumberFormatException ignored) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static Parsed failed(ImportProblem problem) {
        return new Parsed(';', List.of(problem), List.of());
    }

    /** Character offset → 1-based line number (\n, \r\n and a lone \r end a line). */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long position) {
            int i = Arrays.binarySearch(starts, (int) position);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
