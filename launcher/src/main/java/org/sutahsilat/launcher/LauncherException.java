package org.sutahsilat.launcher;

/** An expected failure: one line for the console and the process exit code. No stack trace is shown. */
final class LauncherException extends RuntimeException {

    static final int USAGE = 1;
    static final int PORT_IN_USE = 2;
    static final int DATABASE_UNAVAILABLE = 3;
    static final int SERVER_FAILED = 4;

    private final int exitCode;

    LauncherException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    LauncherException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
