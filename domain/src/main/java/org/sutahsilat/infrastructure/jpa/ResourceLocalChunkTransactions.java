package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.sutahsilat.domain.billing.ChunkTransactions;

import java.util.function.Function;

/**
 * {@link ChunkTransactions} outside a container (tests, batch tools): a fresh EntityManager and RESOURCE_LOCAL
 * transaction per unit of work, so every chunk starts with an empty persistence context (flat memory).
 */
public final class ResourceLocalChunkTransactions implements ChunkTransactions {

    private final EntityManagerFactory emf;

    public ResourceLocalChunkTransactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
