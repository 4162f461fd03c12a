package org.sutahsilat.domain.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing in the public bill lookup: after {@value #LIMIT} failed lookups within {@link #WINDOW}, from one
 * client address or for one subscriber number of an institution (whoever asks), further lookups are refused until
 * enough failures have aged out, even with the right code. Unknown numbers and wrong codes count alike (the portal
 * answers them alike). A success resets nothing: it would let a guesser who also knows one valid code go on.
 * Keys are stored as SHA-256 hashes only.
 */
@ApplicationScoped
public class LookupThrottle {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** Storage of the failures (time-ordered per key). */
    public interface Store {
        /** Failure times of the key at or after {@code since}, oldest first. */
        List<Instant> failuresSince(String kind, String keyHash, Instant since);

        void add(String kind, String keyHash, Instant at);

        /** Forgets failures older than {@code before}. */
        void purgeBefore(Instant before);
    }

    private Store store;
    private Clock clock;

    protected LookupThrottle() {
        // for CDI proxies
    }

    @Inject
    public LookupThrottle(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** When lookups by this client or for this number may go on again; empty when they may now. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Instant> blockedUntil(String clientAddress, long institutionId, String subscriberNo) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        Optional<Instant> byAddress = until(store.failuresSince("ADDRESS", addressKey(clientAddress), since));
        Optional<Instant> byNumber = until(store.failuresSince("NUMBER", numberKey(institutionId, subscriberNo),
                since));
        if (byAddress.isEmpty()) {
            return byNumber;
        }
        return byNumber.isEmpty() || byAddress.get().isAfter(byNumber.get()) ? byAddress : byNumber;
    }

    /** Counts a failed lookup against the client and the number (its own transaction: it stays whatever happens). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String clientAddress, long institutionId, String subscriberNo) {
        Instant now = clock.instant();
        store.purgeBefore(now.minus(WINDOW));
        store.add("ADDRESS", addressKey(clientAddress), now);
        store.add("NUMBER", numberKey(institutionId, subscriberNo), now);
    }

    /**
     * The rule: with failures f[0] ≤ … ≤ f[n−1] inside the window and n ≥ LIMIT, lookups may go on once fewer than
     * LIMIT remain in the window, i.e. at f[n − LIMIT] + WINDOW.
     */
    static Optional<Instant> until(List<Instant> failures) {
        int n = failures.size();
        if (n < LIMIT) {
            return Optional.empty();
        }
        return Optional.of(failures.get(n - LIMIT).plus(WINDOW));
    }

    static String addressKey(String clientAddress) {
        return sha256("address:" + (clientAddress == null ? "" : clientAddress.strip().toLowerCase(Locale.ROOT)));
    }

    static String numberKey(long institutionId, String subscriberNo) {
        String no = subscriberNo == null ? "" : subscriberNo.strip();
        return sha256("number:" + institutionId + ":" + no);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
