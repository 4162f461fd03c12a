package org.sutahsilat.portal.web;

import jakarta.faces.application.ViewExpiredException;

/** Which friendly message an error page shows; never the exception itself. */
public enum ErrorKind {
    NOT_FOUND("error.notFound"),
    EXPIRED("error.expired"),
    GENERAL("error.general");

    private final String messageKey;

    ErrorKind(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public static ErrorKind of(Object statusCode, Object exception) {
        for (Throwable t = exception instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return EXPIRED;
            }
        }
        if (statusCode instanceof Integer status && (status == 404 || status == 410)) {
            return NOT_FOUND;
        }
        return GENERAL;
    }
}
