package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.errorFields;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.adapters.http.ApiClient.Response;

/** The limit and the cursor of GET /users, GET /orders and GET /users/{id}/orders, read by the administrator. */
class PagingParametersIT {
    private TestServer service;
    private String[] admin;

    @BeforeEach
    void start() {
        service = TestServer.start();
        admin = Api.admin(service.client);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users", "/orders", "/users/1/orders"})
    void a_limit_out_of_range_is_422_on_limit(String path) {
        for (String limit : new String[] {"0", "201", "-1"}) {
            Response r = service.get(path + "?limit=" + limit, admin);
            assertProblem(r, 422, path);
            assertThat(errorFields(r)).as("limit=%s", limit).containsExactly("limit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users", "/orders", "/users/1/orders"})
    void a_limit_that_is_not_a_number_or_a_cursor_that_is_garbage_is_400(String path) {
        assertProblem(service.get(path + "?limit=abc", admin), 400, path);
        assertProblem(service.get(path + "?limit=1.5", admin), 400, path);
        assertProblem(service.get(path + "?limit=99999999999999999999", admin), 400, path);
        assertProblem(service.get(path + "?after=garbage", admin), 400, path);
        assertProblem(service.get(path + "?after=%25%00%FF", admin), 400, path);
        assertProblem(service.get(path + "?limit=2&after=-5", admin), 400, path);
    }
}
