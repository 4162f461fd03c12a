package org.sutahsilat.domain.shared;

import java.util.Arrays;

/**
 * A broken business rule. Carries a message key (resolved against the UI's resource bundles) and its
 * arguments; {@link #getMessage()} is an English fallback for logs.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(String messageKey, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
