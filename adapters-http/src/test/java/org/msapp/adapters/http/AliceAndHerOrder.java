package org.msapp.adapters.http;

import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that start from one user, alice, who has placed one order, and the administrator, on a
 * server of their own for each test: the adapter alone ({@link TestServer}) here, the whole service
 * in bootstrap. Requests to the protected routes carry alice's bearer token (the lists of everyone,
 * the administrator's), so that what is refused is refused for what it says, past the check of the
 * credentials.
 *
 * @param <S> the server, started before each test and closed after it
 */
public abstract class AliceAndHerOrder<S extends AutoCloseable> {
    public static final String PASSWORD = "Senha@123-owner";

    private final Supplier<S> start;
    private final Function<S, ApiClient> clientOf;
    protected S service;
    protected long alice;
    protected long order;
    /** alice's bearer token. */
    protected String[] owner;
    /** The administrator's bearer token. */
    protected String[] admin;

    /** {@code start} starts a server; {@code clientOf} answers the client that drives it. */
    protected AliceAndHerOrder(Supplier<S> start, Function<S, ApiClient> clientOf) {
        this.start = start;
        this.clientOf = clientOf;
    }

    @BeforeEach
    void startWithAliceAndHerOrder() {
        service = start.get();
        ApiClient client = clientOf.apply(service);
        alice = client.register("alice", PASSWORD);
        owner = Api.bearer(client, "alice", PASSWORD);
        admin = Api.admin(client);
        order = Api.placeOrder(client, owner, alice, 2, 100);
    }

    @AfterEach
    void stopTheServer() throws Exception {
        service.close();
    }

    /** alice's orders: GET and POST /users/{id}/orders. */
    protected String orders() {
        return "/users/" + alice + "/orders";
    }
}
