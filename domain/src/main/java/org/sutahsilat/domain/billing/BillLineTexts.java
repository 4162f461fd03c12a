package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.Money;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Descriptions of computed bill lines in the bill's language, from the bundle
 * {@code org/sutahsilat/domain/billing/BillLineMessages} (Turkish first, English second). Money arguments are
 * printed as people read them ({@link Money#format(Locale)}).
 */
public final class BillLineTexts {

    private static final String BUNDLE = "org.sutahsilat.domain.billing.BillLineMessages";

    private BillLineTexts() {
    }

    public static String describe(ComputedLine line, Locale language) {
        Locale locale = "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("tr-TR");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Object> arguments = line.arguments();
        Object[] printable = new Object[arguments.size()];
        for (int i = 0; i < printable.length; i++) {
            Object a = arguments.get(i);
            printable[i] = a instanceof Money m ? m.format(locale) : a;
        }
        return new MessageFormat(bundle.getString(line.messageKey()), locale).format(printable);
    }
}
