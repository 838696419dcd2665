package org.msapp.adapters.http;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.msapp.adapters.http.ApiClient.Response;

/**
 * A server for each test, with one user, alice, who has placed one order, and the administrator.
 * Requests to the protected routes carry alice's bearer token (the lists of everyone, the
 * administrator's), so that what is refused is refused for what it says, past the check of the
 * credentials.
 */
abstract class AliceAndHerOrder {
    static final String PASSWORD = "Senha@123-owner";
    static final List<String> ALICE_AND_THE_ADMIN = List.of("alice", Api.ADMIN);

    TestServer service;
    long alice;
    long order;
    String[] owner;
    String[] admin;

    @BeforeEach
    void start() {
        service = TestServer.start();
        alice = service.register("alice", PASSWORD);
        owner = Api.bearer(service.client, "alice", PASSWORD);
        admin = Api.admin(service.client);
        order = Api.placeOrder(service.client, owner, alice, 2, 100);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** POST /users as anyone (it is open), anything else as the owner. */
    Response post(String path, String body) {
        return path.equals("/users") ? service.send("POST", path, body) : service.send("POST", path, body, owner);
    }

    /** The nick names of every user: alice, and the administrator who reads them, unless a test registered more. */
    List<String> registered() {
        return Api.nickNames(service.client, admin);
    }

    String orders() {
        return "/users/" + alice + "/orders";
    }
}
