package org.sutahsilat.domain.meter;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One data line of an imported reading file, as validated: what would be (or was) recorded, or why not.
 *
 * @param line        1-based line number in the file
 * @param consumption the m³ that would be billed; {@code null} for a refused line
 * @param flags       the flags the reading would carry; empty for a refused line
 * @param problems    empty for a valid line
 */
public record ImportRow(int line, String subscriberNo, LocalDate readingDate, Long index, Long consumption,
                        ReadingKind kind, Set<ReadingFlag> flags, List<ImportProblem> problems) {

    public ImportRow {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
