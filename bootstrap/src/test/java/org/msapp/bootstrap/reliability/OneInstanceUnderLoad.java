package org.msapp.bootstrap.reliability;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.msapp.adapters.http.ApiClient;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;

/**
 * What a fault scenario on one instance starts from: the harness, one instance in this JVM, and four
 * users (nick names {@code <name>_0} to {@code _3}) with a token and an order each, for the load;
 * every proxy mended after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneInstanceUnderLoad {
    private final String name;
    ProxiedServices services;
    ApiClient client;
    List<Actor> actors;

    OneInstanceUnderLoad(String name) {
        this.name = name;
    }

    @BeforeAll
    void start() {
        services = new ProxiedServices(name);
        client = services.start().client();
        actors = SteadyLoad.actors(client, name, 4);
    }

    @AfterEach
    void mend() {
        services.restoreAll();
    }

    @AfterAll
    void stop() throws Exception {
        if (services != null) services.close();
    }
}
