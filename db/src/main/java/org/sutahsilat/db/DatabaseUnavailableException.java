package org.sutahsilat.db;

/** The database cannot be reached, started or migrated. The message is meant for one console line. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
