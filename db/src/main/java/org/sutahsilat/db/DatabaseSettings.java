package org.sutahsilat.db;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach the database: a MySQL Connector/J URL ({@code jdbc:mysql://host:port/db?params}) and credentials.
 * Works for MySQL 8 and MariaDB alike.
 */
public record DatabaseSettings(String url, String user, String password) {

    static final String DEFAULT_PARAMETERS =
            "useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                    + "&sslMode=DISABLED&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("database URL must start with jdbc:mysql:// but was " + url);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Host, port, database name and query parameters of the URL. */
    public Parts parts() {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return new Parts(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), database, parameters);
    }

    /** The URL with the password never shown. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }

    public record Parts(String host, int port, String database, Map<String, String> parameters) {
    }
}
