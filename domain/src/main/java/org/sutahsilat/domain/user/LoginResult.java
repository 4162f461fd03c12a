package org.sutahsilat.domain.user;

import java.util.Optional;

public record LoginResult(LoginOutcome outcome, AuthenticatedUser user) {

    public static LoginResult failed(LoginOutcome outcome) {
        return new LoginResult(outcome, null);
    }

    public Optional<AuthenticatedUser> authenticatedUser() {
        return Optional.ofNullable(user);
    }

    public boolean succeeded() {
        return outcome == LoginOutcome.SUCCESS;
    }
}
