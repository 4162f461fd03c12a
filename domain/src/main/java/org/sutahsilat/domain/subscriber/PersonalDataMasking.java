package org.sutahsilat.domain.subscriber;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How personal data is shown on screens and in logs (KVKK): enough to recognise, not enough to identify. */
public final class PersonalDataMasking {

    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    private PersonalDataMasking() {
    }

    /**
     * "Ayşe Yılmaz" → "Ay*** Yı***": the first two letters of each word (one for words of up to three letters)
     * and always three stars, so that neither short words nor the length of a name show through.
     */
    public static String name(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return Arrays.stream(fullName.trim().split("\\s+"))
                .map(PersonalDataMasking::word)
                .collect(Collectors.joining(" "));
    }

    private static String word(String w) {
        int letters = w.codePointCount(0, w.length());
        int visible = letters <= 3 ? 1 : 2;
        String head = w.substring(0, w.offsetByCodePoints(0, visible));
        String first = new String(Character.toChars(head.codePointAt(0))).toUpperCase(TURKISH);
        return first + head.substring(Character.charCount(head.codePointAt(0))) + "***";
    }

    /** "05321234567" → "0532 *** ** 67". */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 6) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 4) + " *** ** " + digits.substring(digits.length() - 2);
    }
}
