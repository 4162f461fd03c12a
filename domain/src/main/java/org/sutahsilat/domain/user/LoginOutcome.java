package org.sutahsilat.domain.user;

public enum LoginOutcome {
    SUCCESS,
    /** Unknown user or wrong password: the two are never told apart. */
    INVALID_CREDENTIALS,
    LOCKED,
    DISABLED
}
