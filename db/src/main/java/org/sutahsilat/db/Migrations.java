package org.sutahsilat.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations in {@code db/migration}: the only source of the schema. */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates the database to the newest version and returns how many migrations ran now. */
    public static int migrate(DatabaseSettings settings) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(settings.url(), settings.user(), settings.password())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException("database migration failed: " + e.getMessage(), e);
        }
    }
}
