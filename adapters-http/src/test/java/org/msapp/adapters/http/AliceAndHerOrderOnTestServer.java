package org.msapp.adapters.http;

import java.util.List;
import org.msapp.adapters.http.ApiClient.Response;

/** {@link AliceAndHerOrder} on the HTTP adapter alone: a {@link TestServer} for each test. */
abstract class AliceAndHerOrderOnTestServer extends AliceAndHerOrder<TestServer> {
    static final List<String> ALICE_AND_THE_ADMIN = List.of(Api.ADMIN, "alice");

    AliceAndHerOrderOnTestServer() {
        super(TestServer::start, server -> server.client);
    }

    /** POST /users as anyone (it is open), anything else as the owner. */
    Response post(String path, String body) {
        return path.equals("/users") ? service.send("POST", path, body) : service.send("POST", path, body, owner);
    }

    /** The nick names of every user, by id: the administrator made at start, alice, and any a test registered. */
    List<String> registered() {
        return Api.nickNames(service.client, admin);
    }
}
