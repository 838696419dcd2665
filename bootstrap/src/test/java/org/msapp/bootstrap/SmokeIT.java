package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient;

class SmokeIT {
    private final TestService service = TestService.start();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_registered_user_can_be_read_back_with_its_cpf_masked() {
        long id = service.register("alice", "Senha@123");
        var r = service.get("/users/" + id, "Authorization", ApiClient.bearer(service.token("alice", "Senha@123")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cpf").asText()).isEqualTo("***.982.247-**");
        assertThat(r.body()).doesNotContain("52998224725").doesNotContain("Senha@123");
    }
}
