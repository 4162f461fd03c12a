package org.sutahsilat.domain.meter;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Why a line of an imported file (or the whole file) is refused: a message key of the {@code ReadingMessages}
 * bundles (Turkish default, English), its arguments, and an English fallback text.
 *
 * @param line the 1-based line number in the file (the header is line 1); 0 for the file as a whole
 */
public record ImportProblem(int line, String messageKey, String message, List<Object> arguments) {

    /** The bundle of the reading and import messages. */
    public static final String BUNDLE = "org.sutahsilat.domain.meter.ReadingMessages";

    public ImportProblem {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(message, "message");
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(int line, String messageKey, String message, Object... arguments) {
        return new ImportProblem(line, messageKey, message, Arrays.asList(arguments));
    }

    static ImportProblem of(int line, ReadingEvaluation.Rejected rejected) {
        return new ImportProblem(line, rejected.messageKey(), rejected.message(), rejected.arguments());
    }

    /**
     * The message in the locale's bundle (Turkish for any locale without a bundle of its own, whatever the JVM's
     * default locale), or the English fallback if the key is missing.
     */
    public String text(Locale locale) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(messageKey);
            return new MessageFormat(pattern, locale).format(arguments.toArray());
        } catch (MissingResourceException e) {
            return message;
        }
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message + " [" + messageKey + "]";
    }
}
