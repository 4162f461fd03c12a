package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of validating (and possibly importing) a reading file: one {@link ImportRow} per data line, and the
 * problems of the file as a whole (encoding, header, size, a broken quote that stops the parser).
 *
 * @param stored how many readings were stored: 0 after {@code validate}, and after {@code importFile} of a
 *               rejected file; the number of rows when an accepted file was imported
 */
public record ReadingImportReport(BillingPeriod period, List<ImportProblem> fileProblems, List<ImportRow> rows,
                                  int stored) {

    public ReadingImportReport {
        fileProblems = List.copyOf(fileProblems);
        rows = List.copyOf(rows);
    }

    ReadingImportReport withStored(int count) {
        return new ReadingImportReport(period, fileProblems, rows, count);
    }

    /** True when the file can be imported: no problem with the file, at least one row and every row valid. */
    public boolean isValid() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::isValid);
    }

    public long validRows() {
        return rows.stream().filter(ImportRow::isValid).count();
    }

    /** Every problem of the file and of its rows, by line number. */
    public List<ImportProblem> problems() {
        List<ImportProblem> all = new ArrayList<>(fileProblems);
        rows.forEach(r -> all.addAll(r.problems()));
        all.sort(Comparator.comparingInt(ImportProblem::line));
        return all;
    }

    /** The line numbers of the refused rows, ascending. */
    public List<Integer> errorLines() {
        return rows.stream().filter(r -> !r.isValid()).map(ImportRow::line).sorted().toList();
    }
}
