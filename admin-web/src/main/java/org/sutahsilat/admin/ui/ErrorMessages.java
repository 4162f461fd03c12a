package org.sutahsilat.admin.ui;

import jakarta.faces.application.ViewExpiredException;
import org.sutahsilat.domain.shared.DomainException;

/** Maps an error (HTTP status and/or exception) to the bundle key of the message the user sees. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String key(Integer status, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return "error.viewExpired";
            }
            if (t instanceof DomainException d && d.messageKey() != null) {
                return d.messageKey();
            }
        }
        if (status == null) {
            return error == null ? "error.generic" : "error.500";
        }
        return switch (status) {
            case 400 -> "error.400";
            case 403, 401 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.400";
            default -> "error.500";
        };
    }
}
