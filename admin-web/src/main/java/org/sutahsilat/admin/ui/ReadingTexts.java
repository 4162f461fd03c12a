package org.sutahsilat.admin.ui;

import org.sutahsilat.domain.meter.ImportProblem;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingFlag;

import java.text.MessageFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The texts of the reading doors (route page, REST API) in the user's language: a refusal's message key is looked
 * up in the domain's {@code ReadingMessages} bundles first, then in the admin bundles; flags and outcomes come from
 * the admin bundles ({@code reading.flag.*}).
 */
public final class ReadingTexts {

    /** Flags that deserve the reader's second look while typing (the others only describe the reading). */
    static final Set<ReadingFlag> WARNINGS = EnumSet.of(ReadingFlag.ZERO, ReadingFlag.HIGH, ReadingFlag.LOW,
            ReadingFlag.ROLLOVER, ReadingFlag.STALE_DATE, ReadingFlag.OVER_ESTIMATED);

    private ReadingTexts() {
    }

    /** The text of a refusal (a rule's key and arguments), or the English fallback if no bundle has the key. */
    public static String refusal(Locale locale, String key, List<Object> arguments, String fallback) {
        Object[] args = arguments.toArray();
        try {
            String pattern = ResourceBundle.getBundle(ImportProblem.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
            return new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            String text = Messages.text(locale, key, args);
            return text.startsWith("???") ? fallback : text;
        }
    }

    /** The flags' names in the user's language, comma-separated; empty without flags. */
    public static String flags(Locale locale, Set<ReadingFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(flags).stream().map(f -> Messages.text(locale, "reading.flag." + f.name()))
                .collect(Collectors.joining(", "));
    }

    /** "Tüketim 12 m³" and the flags: what an accepted reading would record (or recorded). */
    public static String accepted(Locale locale, Accepted a) {
        String text = Messages.text(locale, "reading.consumption", a.consumption().value());
        String flags = flags(locale, a.flags());
        return flags.isEmpty() ? text : text + " · " + flags;
    }

    public static boolean needsAttention(Set<ReadingFlag> flags) {
        return flags.stream().anyMatch(WARNINGS::contains);
    }
}
