package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.ChunkTransactions;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTransactionsTest {

    @Test
    void aDeadlockVictimIsRunAgainUntilItCommits() {
        AtomicInteger runs = new AtomicInteger();
        RetryingTransactions tx = new RetryingTransactions(new ChunkTransactions() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                if (runs.incrementAndGet() < 3) {
                    throw new IllegalStateException("wrapped", new SQLTransactionRollbackException(
                            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
                }
                return work.apply(null);
            }
        });
        String result = tx.inTransaction(em -> "done");
        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        RetryingTransactions tx = new RetryingTransactions(failing(runs,
                new IllegalStateException("duplicate", new SQLException("Duplicate entry", "23000", 1062))));
        assertThatThrownBy(() -> tx.inTransaction(em -> "x")).hasMessage("duplicate");
        assertThat(runs).hasValue(1);
    }

    @Test
    void givesUpAfterAFewTries() {
        AtomicInteger runs = new AtomicInteger();
        RetryingTransactions tx = new RetryingTransactions(failing(runs,
                new IllegalStateException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertThatThrownBy(() -> tx.inTransaction(em -> "x")).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(RetryingTransactions.TRIES);
    }

    private static ChunkTransactions failing(AtomicInteger runs, RuntimeException failure) {
        return new ChunkTransactions() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                runs.incrementAndGet();
                throw failure;
            }
        };
    }
}
