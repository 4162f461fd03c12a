package org.sutahsilat.domain.billing;

import jakarta.persistence.EntityManager;

import java.util.function.Function;

/**
 * Runs one unit of work (a billing run's chunk) in a transaction of its own, committed when the work returns and
 * rolled back when it throws. The work gets the transaction's EntityManager; JDBC work uses the same connection
 * ({@code em.unwrap(Connection.class)}), so JPA and batched JDBC commit or roll back together.
 * <ul>
 * <li>In the container: {@code JtaChunkTransactions}, a {@code @Transactional(REQUIRES_NEW)} bean.</li>
 * <li>In tests and batch tools: {@code ResourceLocalChunkTransactions} over a RESOURCE_LOCAL factory.</li>
 * </ul>
 */
public interface ChunkTransactions {

    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs a read that needs no transaction: each statement on its own (auto-commit), without a transaction's own
     * statements (begin, commit, auto-commit back on). The work must only read, and only through the
     * EntityManager's queries: no JDBC connection is bound to it outside a transaction. By default in a transaction.
     */
    default <T> T read(Function<EntityManager, T> work) {
        return inTransaction(work);
    }
}
