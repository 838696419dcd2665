package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed from trusted proxies only; the test server trusts none. */
class ForwardedForIT {
    private static final String PASSWORD = "Senha@123";

    @Test
    void a_client_that_is_no_trusted_proxy_cannot_dodge_the_throttle_by_naming_other_addresses() {
        try (TestServer server = TestServer.start()) {
            server.register("alice", PASSWORD);
            for (int i = 1; i <= 5; i++) {
                assertThat(server.send("POST", "/auth/token", null, Api.authFrom("192.0.2." + i, "alice", "wrong-" + i)).status())
                        .as("failure %d", i).isEqualTo(401);
            }

            assertThat(server.send("POST", "/auth/token", null, Api.authFrom("198.51.100.7", "alice", PASSWORD)).status())
                    .isEqualTo(429);
        }
    }
}
