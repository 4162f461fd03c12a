package org.sutahsilat.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.billing.ChunkTransactions;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Runs each unit of work again when the database chose it as a deadlock victim (or gave up waiting for a lock):
 * the whole transaction was rolled back, so running it again is the remedy InnoDB itself asks for ("try restarting
 * transaction"). Locking reads under REPEATABLE READ lock index gaps, and two subscribers' postings whose rows sit
 * side by side in an index can deadlock although they never touch the same row. Only for units of work that talk to
 * nothing but the database; exactly-once rests on the unique keys and conditional updates inside them, not on this.
 */
public final class RetryingTransactions implements ChunkTransactions {

    /** Tries in all, the first included. */
    static final int TRIES = 6;
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    private final ChunkTransactions delegate;

    public RetryingTransactions(ChunkTransactions delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !isLockConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** A read takes no lock and is not retried. */
    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return delegate.read(work);
    }

    /** Whether the failure is a deadlock or a lock wait timeout somewhere in its causes. */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                    || sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            // a little random back-off, growing, so that the two victims do not meet again at once
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt + 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
