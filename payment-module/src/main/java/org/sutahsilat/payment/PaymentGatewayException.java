package org.sutahsilat.payment;

import java.util.Objects;

/**
 * The gateway gave no trustworthy answer ({@link Reason#UNAVAILABLE}, {@link Reason#TIMEOUT},
 * {@link Reason#SIGNATURE_INVALID}, {@link Reason#INVALID_RESPONSE}) or refused the request
 * ({@link Reason#REJECTED}). Messages never carry keys or personal data.
 */
public class PaymentGatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /**
         * No usable answer, for a reason other than time: connection refused, unknown host, TLS
         * failure, connection reset, an answer that is not the gateway's JSON (a proxy's error page,
         * an empty body), or too many calls already in flight. Usually the gateway did not process
         * the request; ask again later.
         */
        UNAVAILABLE,
        /**
         * No answer within the configured time. The gateway may or may not have processed the
         * request: callers must treat the outcome as unknown and ask again later.
         */
        TIMEOUT,
        /** The gateway answered {@code status=failure}; see {@link #errorCode()}. Definite. */
        REJECTED,
        /** The response signature is missing or does not match: the answer must not be trusted. */
        SIGNATURE_INVALID,
        /**
         * The gateway answered JSON that cannot be used: unknown status, no token or payment page,
         * an amount that is not whole kuruş, an echoed token or conversationId that does not match
         * the request. Outcome unknown.
         */
        INVALID_RESPONSE
    }

    private final Reason reason;
    private final String errorCode;
    private final String errorMessage;

    public PaymentGatewayException(Reason reason, String message) {
        this(reason, message, null, null, null);
    }

    public PaymentGatewayException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, null, cause);
    }

    public PaymentGatewayException(Reason reason, String message, String errorCode, String errorMessage,
                                   Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public Reason reason() {
        return reason;
    }

    /** The gateway's error code when it sent one (REJECTED), otherwise {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /** The gateway's error message when it sent one (REJECTED), otherwise {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }
}
