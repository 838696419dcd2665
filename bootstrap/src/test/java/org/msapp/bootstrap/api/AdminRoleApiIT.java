package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.TestService;

/**
 * The administrator's role over HTTP: a stored role that a name never confers, granted and revoked
 * by administrators, read from the store on every request. The service starts with one
 * administrator, {@link Api#ADMIN}, made from its bootstrap settings.
 */
class AdminRoleApiIT {
    private static final String PASSWORD = "Senha@123-alice";

    private TestService service;
    private String[] admin;
    private long alice;
    private String[] alicesToken;

    @BeforeEach
    void start() {
        service = TestService.start();
        admin = Api.admin(service.client);
        alice = service.register("alice", PASSWORD);
        alicesToken = Api.bearer(service.client, "alice", PASSWORD);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response grant(long user, String[] auth) {
        return service.send("PUT", role(user), null, auth);
    }

    private Response revoke(long user, String[] auth) {
        return service.send("DELETE", role(user), null, auth);
    }

    private static String role(long user) {
        return "/users/" + user + "/roles/admin";
    }

    private long rootId() {
        return Api.idOf(service.client, admin, Api.ADMIN);
    }

    private JsonNode roles(long user, String[] auth) {
        Response r = service.get("/users/" + user, auth);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("roles");
    }

    @Test
    void the_bootstrap_administrators_name_cannot_be_registered_and_no_other_name_gives_the_role() {
        assertProblem(service.send("POST", "/users", Api.userBody("ROOT", PASSWORD)), 409, "/users");
        Response admin2 = service.send("POST", "/users", Api.userBody("admin", PASSWORD));

        assertThat(admin2.status()).isEqualTo(201);
        assertThat(admin2.json().get("roles").isEmpty()).as("roles of a registration").isTrue();
        assertProblem(service.get("/users", Api.bearer(service.client, "admin", PASSWORD)), 403, "/users");
    }

    @Test
    void renaming_into_a_former_administrators_name_gives_no_role_and_renaming_away_keeps_it() {
        long root = rootId();
        Response renamed = service.send("PATCH", "/users/" + root, "{\"nick_name\":\"chief\"}", admin);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("roles").toString()).isEqualTo("[\"admin\"]");

        Response squat = service.send("PATCH", "/users/" + alice, "{\"nick_name\":\"root\"}", alicesToken);
        assertThat(squat.status()).as("a rename into the old name: %s", squat.body()).isEqualTo(200);

        assertThat(squat.json().get("roles").isEmpty()).isTrue();
        assertProblem(service.get("/users", Api.bearer(service.client, "root", PASSWORD)), 403, "/users");
        assertThat(service.get("/users", Api.bearer(service.client, "chief", Api.ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void a_granted_role_works_at_once_and_a_revoked_one_stops_at_once_in_the_same_token() {
        assertProblem(service.get("/users", alicesToken), 403, "/users");

        assertThat(grant(alice, admin).status()).isEqualTo(204);
        assertThat(service.get("/users", alicesToken).status()).as("the token issued before the grant").isEqualTo(200);
        assertThat(roles(alice, alicesToken).toString()).as("alice sees her own roles").isEqualTo("[\"admin\"]");

        assertThat(revoke(alice, admin).status()).isEqualTo(204);
        assertProblem(service.get("/users", alicesToken), 403, "/users");
        assertThat(roles(alice, admin).isEmpty()).as("the administrator sees hers").isTrue();
    }

    @Test
    void granting_twice_changes_nothing_the_second_time() {
        grant(alice, admin);
        String etag = service.get("/users/" + alice, admin).header("ETag");

        assertThat(grant(alice, admin).status()).isEqualTo(204);
        assertThat(service.get("/users/" + alice, admin).header("ETag")).isEqualTo(etag);
    }

    @Test
    void only_administrators_grant_or_revoke_and_the_refusal_names_no_ones_role() {
        Response self = grant(alice, alicesToken);
        Response other = revoke(rootId(), alicesToken);

        assertProblem(self, 403, role(alice));
        assertProblem(other, 403, role(rootId()));
        assertThat(other.json().get("detail").asText()).isEqualTo("you may not act on the roles of users (administrators only)");
        assertProblem(grant(alice, new String[0]), 401, role(alice));
        assertThat(service.get("/users", admin).status()).as("root is still an administrator").isEqualTo(200);
    }

    @Test
    void the_last_administrator_keeps_the_role_and_cannot_be_deleted() {
        long root = rootId();

        Response r = revoke(root, admin);
        assertProblem(r, 409, role(root));
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/last_admin");
        assertProblem(service.send("DELETE", "/users/" + root, null, admin), 409, "/users/" + root);

        grant(alice, admin);
        assertThat(revoke(root, alicesToken).status()).as("with another administrator").isEqualTo(204);
        assertProblem(service.get("/users", admin), 403, "/users");
    }

    @Test
    void a_role_of_a_user_who_does_not_exist_is_404_and_another_role_is_no_route() {
        assertProblem(grant(999_999, admin), 404, role(999_999));
        assertProblem(service.send("PUT", "/users/" + alice + "/roles/owner", null, admin), 404,
                "/users/" + alice + "/roles/owner");
    }

    @Test
    void an_administrator_sets_another_users_password_without_it_and_the_users_tokens_are_revoked() {
        Response r = service.send("PUT", "/users/" + alice + "/password", "{\"new_password\":\"Reset#Senha789\"}", admin);

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertProblem(service.get("/users/" + alice, alicesToken), 401, "/users/" + alice);
        assertThat(service.get("/users/" + alice, auth("alice", "Reset#Senha789")).status()).isEqualTo(200);
    }

    @Test
    void the_owner_still_gives_the_current_password() {
        Response r = service.send("PUT", "/users/" + alice + "/password", "{\"new_password\":\"Reset#Senha789\"}", alicesToken);

        assertProblem(r, 422, "/users/" + alice + "/password");
        assertThat(Api.errorFields(r)).containsExactly("password");
    }
}
