package org.sutahsilat.domain.billing;

/** Told after every committed chunk of a billing run (progress push, tests that stop a run halfway). */
@FunctionalInterface
public interface ChunkListener {

    ChunkListener NONE = progress -> {
    };

    void chunkCommitted(BillingRunProgress progress);
}
