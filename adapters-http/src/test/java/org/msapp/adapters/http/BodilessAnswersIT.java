package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.with;

import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.TestServer.Response;

/** 304 Not Modified (If-None-Match on a read) and 204 No Content: answers that carry no body. */
class BodilessAnswersIT extends AliceAndHerOrder {
    private Response get(String path, String... headers) {
        return service.get(path, with(owner, headers));
    }

    @Test
    void a_read_with_if_none_match_equal_to_the_etag_is_304_without_a_body() {
        String anOrder = "/orders/" + Api.placeOrder(service, owner, alice, 1, 100);
        for (String path : new String[] {"/users/" + alice, anOrder}) {
            String etag = get(path).header("ETag");
            assertThat(etag).as(path).isNotBlank();

            Response r = get(path, "If-None-Match", etag);

            assertThat(r.status()).as(path).isEqualTo(304);
            assertThat(r.body()).as(path).isEmpty();
            assertThat(r.header("ETag")).as(path).isEqualTo(etag);
        }
    }
}
