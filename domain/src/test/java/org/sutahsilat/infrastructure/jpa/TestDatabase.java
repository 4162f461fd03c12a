package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.sutahsilat.db.DatabaseSettings;
import org.sutahsilat.db.EmbeddedDatabase;
import org.sutahsilat.db.Migrations;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One embedded MariaDB per test JVM, migrated with the real Flyway migrations, and an EntityManagerFactory for the
 * application's persistence unit switched to RESOURCE_LOCAL (no container here).
 */
final class TestDatabase {

    private static EmbeddedDatabase database;
    private static DatabaseSettings settings;
    private static EntityManagerFactory emf;

    private TestDatabase() {
    }

    static synchronized DatabaseSettings settings() {
        if (settings == null) {
            database = EmbeddedDatabase.start(Path.of("target", "it-db", UUID.randomUUID().toString()), 0);
            settings = database.createDatabase("sutahsilat");
            Migrations.migrate(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return settings;
    }

    static synchronized EntityManagerFactory emf() {
        if (emf == null) {
            DatabaseSettings s = settings();
            emf = Persistence.createEntityManagerFactory(JpaRepositorySupport.UNIT, Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver",
                    "jakarta.persistence.jdbc.url", s.url(),
                    "jakarta.persistence.jdbc.user", s.user(),
                    "jakarta.persistence.jdbc.password", s.password(),
                    "eclipselink.target-server", "None"));
        }
        return emf;
    }

    /** Runs the work in one transaction and commits it. */
    static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            if (em.getTransaction().getRollbackOnly()) {
                em.getTransaction().rollback();
            } else {
                em.getTransaction().commit();
            }
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    static void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    static void sql(String statement) {
        try (Connection c = settings().connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row of a query, in order ({@code ?} bound to {@code args}). */
    static List<Object> column(String sql, Object... args) {
        try (Connection c = settings().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query's single number (a count or a sum). */
    static BigDecimal number(String sql, Object... args) {
        List<Object> values = column(sql, args);
        if (values.size() != 1 || !(values.get(0) instanceof Number n)) {
            throw new IllegalStateException("not one number: " + values + " from " + sql);
        }
        return new BigDecimal(n.toString());
    }

    /** A query's single count. */
    static long count(String sql, Object... args) {
        return number(sql, args).longValueExact();
    }
}
