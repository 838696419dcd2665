package org.msapp.application.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/**
 * A fast, salted SHA-256 hasher for tests: it keeps the port's contract but is cheap. Never for
 * production, where argon2id is used. It counts its calls so a test can show when none were made.
 */
public final class FastPasswordHasher implements PasswordHasher {
    private static final String PREFIX = "$test-sha256$";
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public PasswordHash hash(Password password) {
        calls.incrementAndGet();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(PREFIX + b64.encodeToString(salt) + "$" + b64.encodeToString(digest(salt, password)));
    }

    @Override
    public boolean verify(Password candidate, PasswordHash hash) {
        calls.incrementAndGet();
        String phc = hash.phc();
        if (!phc.startsWith(PREFIX)) return false;
        String[] parts = phc.substring(PREFIX.length()).split("\\$");
        if (parts.length != 2) return false;
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            return MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), digest(salt, candidate));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public int calls() {
        return calls.get();
    }

    private static byte[] digest(byte[] salt, Password password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.clear().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
