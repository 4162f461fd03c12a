package org.sutahsilat.domain.subscriber;

import org.sutahsilat.domain.shared.DomainException;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A subscriber number (abone no): 1 to 20 digits, unique within an institution. */
public record SubscriberNo(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,20}");

    public SubscriberNo {
        String trimmed = value == null ? "" : value.trim();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new DomainException("error.subscriberNo.invalid", "invalid subscriber number: " + value, value);
        }
        value = trimmed;
    }

    public static SubscriberNo of(String value) {
        return new SubscriberNo(value);
    }

    /** True when the text is a well-formed subscriber number. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value.trim()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
