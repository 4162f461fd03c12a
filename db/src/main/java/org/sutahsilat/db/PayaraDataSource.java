package org.sutahsilat.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The asadmin commands that create the application's JDBC resource {@value #JNDI_NAME} on Payara
 * (Micro post-boot command file, or a full server through asadmin). Both WARs and the EAR use this one
 * resource, so the database is configured in one place.
 */
public final class PayaraDataSource {

    public static final String JNDI_NAME = "jdbc/sutahsilat";
    public static final String POOL_NAME = "sutahsilat-pool";

    /**
     * Connector/J settings the pool adds unless the URL sets them: parsed statements are cached per connection (the
     * portal runs the same few queries for every page) and the session state is tracked locally, so that setting
     * auto-commit or isolation to what it already is costs no round trip. No OpenTelemetry spans per statement:
     * Payara ships the OpenTelemetry API, and Connector/J would otherwise open a span for every query it sends.
     */
    static final Map<String, String> DRIVER_DEFAULTS = orderedMap(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "256",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "cacheServerConfiguration", "true",
            "openTelemetry", "DISABLED");

    /**
     * A pooled connection is checked (auto-commit round trip) at most once in this many seconds, not at every
     * checkout: a page makes several short reads, each of which would otherwise pay two extra round trips.
     */
    static final int VALIDATE_AT_MOST_ONCE_SECONDS = 15;

    private PayaraDataSource() {
    }

    public static List<String> commands(DatabaseSettings settings) {
        DatabaseSettings.Parts parts = settings.parts();
        StringBuilder props = new StringBuilder()
                .append("serverName=").append(escape(parts.host()))
                .append(":port=").append(parts.port())
                .append(":databaseName=").append(escape(parts.database()))
                .append(":user=").append(escape(settings.user()))
                .append(":password=").append(escape(settings.password().isEmpty() ? "()" : settings.password()));
        for (Map.Entry<String, String> p : parametersWithDefaults(parts).entrySet()) {
            props.append(':').append(p.getKey()).append('=').append(escape(p.getValue()));
        }
        List<String> commands = new ArrayList<>();
        commands.add("create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
                + " --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32"
                + " --isconnectvalidatereq true --validationmethod auto-commit"
                + " --validateatmostonceperiod " + VALIDATE_AT_MOST_ONCE_SECONDS
                + " --property " + props + " " + POOL_NAME);
        commands.add("create-jdbc-resource --connectionpoolid " + POOL_NAME + " " + JNDI_NAME);
        return commands;
    }

    /**
     * The JDBC URL with the pool's driver settings added (those the URL does not set), for a persistence unit run
     * outside Payara (tests, benchmarks), so that the driver there behaves as the application's pool does.
     */
    public static String urlWithDriverDefaults(DatabaseSettings settings) {
        DatabaseSettings.Parts parts = settings.parts();
        StringBuilder url = new StringBuilder("jdbc:mysql://").append(parts.host()).append(':').append(parts.port())
                .append('/').append(parts.database());
        char separator = '?';
        for (Map.Entry<String, String> p : parametersWithDefaults(parts).entrySet()) {
            // the URL's own parameters are kept as written (raw); the defaults need no escaping
            url.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = '&';
        }
        return url.toString();
    }

    /** The URL's parameters, then the driver defaults it does not set. */
    private static Map<String, String> parametersWithDefaults(DatabaseSettings.Parts parts) {
        Map<String, String> parameters = new LinkedHashMap<>(parts.parameters());
        DRIVER_DEFAULTS.forEach(parameters::putIfAbsent);
        return parameters;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** asadmin property values separate on ':' and '='; a backslash escapes them. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == ':' || c == '=' || c == '\\') {
                out.append('\\');
            }
            if (Character.isWhitespace(c)) {
                throw new IllegalArgumentException("white space is not supported in database settings");
            }
            out.append(c);
        }
        return out.toString();
    }
}
