package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.billing.ChunkTransactions;

import java.util.function.Function;

/**
 * {@link ChunkTransactions} in the container: each unit of work in a JTA transaction of its own
 * ({@code REQUIRES_NEW}: a caller's transaction is suspended, never widened), committed on return, rolled back on
 * any exception. The transaction-scoped EntityManager is cleared at commit, so memory stays flat chunk after chunk.
 */
@ApplicationScoped
public class JtaChunkTransactions implements ChunkTransactions {

    @PersistenceContext(unitName = JpaRepositorySupport.UNIT)
    EntityManager em;

    @Override
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Outside any transaction (a caller's is suspended): the EntityManager's queries run in auto-commit. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T read(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
