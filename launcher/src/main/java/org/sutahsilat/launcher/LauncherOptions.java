package org.sutahsilat.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's settings from the command line, system properties ({@code -Dsu.db.url}) and environment
 * variables ({@code SU_DB_URL}), in that order of precedence.
 */
record LauncherOptions(boolean help, boolean migrateOnly, int port, Path dataDir, Optional<String> dbUrl, String dbUser,
                       String dbPassword, Optional<String> cryptoKey, Optional<String> publicBaseUrl,
                       Optional<Boolean> demo, List<String> payaraJavaOptions, int demoSubscribers) {

    static final int DEFAULT_PORT = 8080;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar su-tahsilat.jar [--port N] [--data DIR] [--migrate-only] [--demo-subscribers N] [--help]",
            "",
            "Starts su-tahsilat: the subscriber portal at http://localhost:PORT/ and the staff application at",
            "http://localhost:PORT/admin/. Without a database URL it runs an embedded MariaDB with its data in",
            "./data and loads demo data into an empty database; Ctrl-C stops everything cleanly.",
            "",
            "Options:",
            "  --port N      HTTP port (default 8080; environment SU_PORT)",
            "  --data DIR    data folder (default ./data; environment SU_DATA_DIR)",
            "  --migrate-only  migrate the database (and create the first admin in an empty one), then stop:",
            "                for an installation on a full Payara Server, whose EAR does not migrate",
            "  --demo-subscribers N  demo mode: add (once) the village \"Yük Deneme Köyü\" with N subscribers read",
            "                for this month and not billed yet, to watch a long billing run (and kill it: see",
            "                bench/kill-demo.sh); environment SU_DEMO_SUBSCRIBERS",
            "  --help        this text",
            "",
            "Environment variables (or -Dsu.x.y system properties):",
            "  SU_DB_URL, SU_DB_USER, SU_DB_PASSWORD   external MySQL 8 / MariaDB (jdbc:mysql://host:3306/db);",
            "                                          su.db.url, su.db.user, su.db.password",
            "  SU_CRYPTO_KEY          base64 32-byte key for personal data (default: generated once into the",
            "                         data folder's secrets.properties); su.crypto.key",
            "  SU_PUBLIC_BASE_URL     public address used in QR codes and payment callbacks",
            "                         (default http://localhost:PORT); su.public.base.url",
            "  SU_DEMO                true/false: demo mode and demo data (default true with the embedded",
            "                         database, false with an external one); su.demo",
            "  SU_PAYARA_JAVA_OPTS    JVM options for Payara Micro, e.g. \"-Xmx1g\"; su.payara.java.opts",
            "  SU_IYZICO_BASE_URL, SU_IYZICO_API_KEY, SU_IYZICO_SECRET_KEY   iyzico for card payments:",
            "                         https://sandbox-api.iyzipay.com or https://api.iyzipay.com with your keys;",
            "                         unset in demo mode: a local iyzico simulator (TEST / DEMO, no real card)",
            "  SU_IYZICO_SIMULATOR_PORT, SU_IYZICO_SIMULATOR_PAGE_PORT   the simulator's HTTPS API and test",
            "                         page ports (default: free ports, printed at start)",
            "  SU_BILLING_CHUNK_SIZE  subscribers per billing transaction (default 2000)",
            "  SU_BILLING_LEASE_SECONDS  silence after which a billing run's worker counts as dead and the run",
            "                         can be resumed (default 120)",
            "",
            "Exit codes: 0 stopped normally, 1 bad arguments or unexpected error, 2 port in use,",
            "3 database unavailable, 4 application server failed (see DATA/logs/payara.log).");

    static LauncherOptions parse(String[] args, Map<String, String> env, Properties system) {
        boolean help = false;
        boolean migrateOnly = false;
        String port = setting("su.port", "SU_PORT", env, system);
        String data = setting("su.data.dir", "SU_DATA_DIR", env, system);
        String demoSubscribers = setting("su.demo.subscribers", "SU_DEMO_SUBSCRIBERS", env, system);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h", "-?" -> help = true;
                case "--migrate-only" -> migrateOnly = true;
                case "--port" -> port = value(args, ++i, arg);
                case "--data", "--data-dir" -> data = value(args, ++i, arg);
                case "--demo-subscribers" -> demoSubscribers = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--port=")) {
                        port = arg.substring("--port=".length());
                    } else if (arg.startsWith("--data=")) {
                        data = arg.substring("--data=".length());
                    } else {
                        throw new LauncherException(LauncherException.USAGE,
                                "unknown option " + arg + " (see --help)");
                    }
                }
            }
        }
        int portNumber = DEFAULT_PORT;
        if (port != null && !port.isBlank()) {
            try {
                portNumber = Integer.parseInt(port.trim());
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new LauncherException(LauncherException.USAGE, "invalid port " + port + " (1 to 65535)");
            }
        }
        int bulk = 0;
        if (demoSubscribers != null && !demoSubscribers.isBlank()) {
            try {
                bulk = Integer.parseInt(demoSubscribers.trim());
            } catch (NumberFormatException e) {
                bulk = -1;
            }
            if (bulk < 0 || bulk > 1_000_000) {
                throw new LauncherException(LauncherException.USAGE, "invalid --demo-subscribers " + demoSubscribers
                        + " (0 to 1000000)");
            }
        }
        Path dataDir = Path.of(data == null || data.isBlank() ? "data" : data.trim()).toAbsolutePath().normalize();
        String demo = setting("su.demo", "SU_DEMO", env, system);
        return new LauncherOptions(help, migrateOnly, portNumber, dataDir,
                optional(setting("su.db.url", "SU_DB_URL", env, system)),
                orEmpty(setting("su.db.user", "SU_DB_USER", env, system)),
                orEmpty(setting("su.db.password", "SU_DB_PASSWORD", env, system)),
                optional(setting("su.crypto.key", "SU_CRYPTO_KEY", env, system)),
                optional(setting("su.public.base.url", "SU_PUBLIC_BASE_URL", env, system)),
                optional(demo).map(Boolean::parseBoolean),
                optional(setting("su.payara.java.opts", "SU_PAYARA_JAVA_OPTS", env, system))
                        .map(o -> List.of(o.split("\\s+"))).orElse(List.of()), bulk);
    }

    boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    boolean demoMode() {
        return demo.orElse(embeddedDatabase());
    }

    String baseUrl() {
        return publicBaseUrl.orElse("http://localhost:" + port);
    }

    private static String setting(String property, String variable, Map<String, String> env, Properties system) {
        String value = system.getProperty(property);
        return value != null ? value : env.get(variable);
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new LauncherException(LauncherException.USAGE, option + " needs a value (see --help)");
        }
        return args[index];
    }

    /** Never prints the password or the key. */
    @Override
    public String toString() {
        return "LauncherOptions[port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl.orElse("(embedded)")
                + ", dbUser=" + dbUser + ", demo=" + demoMode() + "]";
    }
}
