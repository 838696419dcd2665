package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.msapp.adapters.http.ApiClient;

/**
 * What must never leave the service, in a response, an event or a log line: passwords (as typed, and
 * as the base64 of the Basic header that sends them), password hashes (whole, and their digest alone),
 * and whatever else a test names. The one scan of every test that looks for them.
 */
public final class Secrets {
    private final Set<String> exact = new LinkedHashSet<>();
    private final Set<String> anyCase = new LinkedHashSet<>();

    private Secrets() {
    }

    /** These values, to be found nowhere. */
    public static Secrets of(String... values) {
        return new Secrets().and(values);
    }

    public Secrets and(String... values) {
        for (String value : values) exact.add(requireText(value));
        return this;
    }

    /** Words to be found in no case at all, such as a field name ({@code password_hash}). */
    public Secrets andInAnyCase(String... words) {
        for (String word : words) anyCase.add(requireText(word));
        return this;
    }

    /** A password, and the base64 of {@code nickName:password} that a Basic header carries. */
    public Secrets credentials(String nickName, String password) {
        return and(password, ApiClient.basic(nickName, password).substring("Basic ".length()));
    }

    /** A stored password hash (a PHC string): whole, and the digest after its last {@code $}. */
    public Secrets hash(String phc) {
        return and(phc, phc.substring(phc.lastIndexOf('$') + 1));
    }

    /** Fails, saying where, when the text holds any of them. */
    public void assertNoneIn(String where, String text) {
        assertThat(text).as(where).doesNotContain(exact.toArray(String[]::new));
        for (String word : anyCase) assertThat(text).as(where).doesNotContainIgnoringCase(word);
    }

    private static String requireText(String value) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException("a secret must not be empty: it is in every text");
        return value;
    }
}
