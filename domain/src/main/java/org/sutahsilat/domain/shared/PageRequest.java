package org.sutahsilat.domain.shared;

/** Offset, size and order of a page. The sort key is checked against a whitelist by each repository. */
public record PageRequest(int offset, int limit, String sortKey, boolean ascending) {

    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }
}
