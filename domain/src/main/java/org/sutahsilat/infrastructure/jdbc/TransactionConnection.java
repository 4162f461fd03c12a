package org.sutahsilat.infrastructure.jdbc;

import jakarta.persistence.EntityManager;

import java.sql.Connection;

/**
 * The JDBC connection of an EntityManager's active transaction: JDBC work on it commits or rolls back with the JPA
 * work of the same transaction. Owned by the EntityManager, never closed by the caller.
 */
public final class TransactionConnection {

    private TransactionConnection() {
    }

    public static Connection of(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("JDBC work needs the EntityManager's active transaction");
        }
        return c;
    }
}
