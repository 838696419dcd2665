package org.msapp.application.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.msapp.domain.InvalidField;

/** One page of a keyset listing: the items, and the key to ask for after them when there are more. */
public record Page<T>(List<T> items, Optional<Long> nextAfter) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The name of the page size, as callers give it. */
    public static final String LIMIT = "limit";

    public Page {
        items = List.copyOf(items);
    }

    public static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidField(LIMIT, "must be between 1 and " + MAX_LIMIT);
        return limit;
    }

    /** Builds a page from a fetch of {@code limit + 1} rows: the extra row only says that more exist. */
    public static <T> Page<T> of(List<T> fetched, int limit, ToLongFunction<T> key) {
        if (fetched.size() <= limit) return new Page<>(fetched, Optional.empty());
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(key.applyAsLong(items.get(limit - 1))));
    }
}
