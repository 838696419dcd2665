package org.msapp.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys made from AUTH_TOKEN_SECRET, which every instance shares: the one that signs access tokens,
 * and one derived from it for the digests of idempotent requests. Without the secret, one random key
 * of this process serves both, with a warning.
 */
record Keys(byte[] tokenKey, byte[] requestHashKey) {
    private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

    static Keys from(Optional<Config.Secret> secret) {
        byte[] key = secret.map(Config.Secret::bytes).orElseGet(() -> {
            LOG.warn("[!] AUTH_TOKEN_SECRET is unset: tokens are signed with a random key of this process, which other"
                    + " instances do not accept and a restart forgets; set it (at least 32 bytes) on every instance");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        return new Keys(key, derive(key, "ms-application idempotent request digests"));
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "Keys[***]";
    }
}
