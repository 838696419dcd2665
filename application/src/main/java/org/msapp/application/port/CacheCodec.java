package org.msapp.application.port;

import java.util.Map;

/**
 * How a cached value becomes flat fields and back, owned by the application so that no adapter maps
 * the domain a third time: an adapter stores the fields (JSON, a hash, ...) and knows nothing of users
 * or orders. Field values are {@link String}s, {@link Long}s and {@link Boolean}s only; {@link #decode}
 * also takes any {@link Number} where it wrote a {@code Long}.
 */
public interface CacheCodec<T> {
    /** The version of the entity the value was read from: a newer one replaces it, an older one never does. */
    long version(T value);

    Map<String, Object> encode(T value);

    /** @throws IllegalArgumentException when the fields are not a value this codec wrote */
    T decode(Map<String, ?> fields);
}
