package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.Money;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Descriptions of computed bill lines in the bill's language, from the bundle
 * {@code org/sutahsilat/domain/billing/BillLineMessages} (Turkish first, English second). Money arguments are
 * printed as people read them ({@link Money#format(Locale)}).
 * <p>
 * A description depends only on the language, the message key and the (immutable) arguments, so the texts made are
 * memoized: a billing run prints the same few hundred texts on millions of lines, and building a
 * {@link MessageFormat} per line was a quarter of the run's CPU time. The memo is bounded (cleared when full).
 */
public final class BillLineTexts {

    private static final String BUNDLE = "org.sutahsilat.domain.billing.BillLineMessages";
    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    private static final int MEMO_LIMIT = 10_000;
    private static final Map<Text, String> MEMO = new ConcurrentHashMap<>();

    private BillLineTexts() {
    }

    public static String describe(ComputedLine line, Locale language) {
        Locale locale = "en".equals(language.getLanguage()) ? Locale.ENGLISH : TURKISH;
        Text text = new Text(locale, line.messageKey(), line.arguments());
        String description = MEMO.get(text);
        if (description == null) {
            description = format(locale, line.messageKey(), line.arguments());
            if (MEMO.size() >= MEMO_LIMIT) {
                MEMO.clear();
            }
            MEMO.put(text, description);
        }
        return description;
    }

    private record Text(Locale locale, String messageKey, List<Object> arguments) {
    }

    private static String format(Locale locale, String messageKey, List<Object> arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] printable = new Object[arguments.size()];
        for (int i = 0; i < printable.length; i++) {
            Object a = arguments.get(i);
            printable[i] = a instanceof Money m ? m.format(locale) : a;
        }
        return new MessageFormat(bundle.getString(messageKey), locale).format(printable);
    }
}
