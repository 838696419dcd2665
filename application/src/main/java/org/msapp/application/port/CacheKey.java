package org.msapp.application.port;

import static java.util.Objects.requireNonNull;

/**
 * A cache entry's name ({@code user:42}: an adapter may put a prefix before it) and the codec of its
 * value, which also tells the value's version. Two keys with the same name hold the same entry.
 */
public record CacheKey<T>(String name, CacheCodec<T> codec) {
    public CacheKey {
        requireNonNull(name, "name");
        requireNonNull(codec, "codec");
    }
}
