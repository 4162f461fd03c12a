package org.sutahsilat.db;

import java.util.ArrayList;
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
        for (Map.Entry<String, String> p : parts.parameters().entrySet()) {
            props.append(':').append(p.getKey()).append('=').append(escape(p.getValue()));
        }
        List<String> commands = new ArrayList<>();
        commands.add("create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
                + " --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32"
                + " --isconnectvalidatereq true --validationmethod auto-commit"
                + " --property " + props + " " + POOL_NAME);
        commands.add("create-jdbc-resource --connectionpoolid " + POOL_NAME + " " + JNDI_NAME);
        return commands;
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
