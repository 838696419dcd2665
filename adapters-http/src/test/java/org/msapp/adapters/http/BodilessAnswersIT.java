package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.with;

import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;

/** 304 Not Modified (If-None-Match on a read) and 204 No Content: answers that carry no body. */
class BodilessAnswersIT extends AliceAndHerOrderOnTestServer {
    private Response get(String path, String... headers) {
        return service.get(path, with(owner, headers));
    }

    @Test
    void a_read_with_if_none_match_equal_to_the_etag_is_304_without_a_body() {
        String anOrder = "/orders/" + Api.placeOrder(service.client, owner, alice, 1, 100);
        for (String path : new String[] {"/users/" + alice, anOrder}) {
            String etag = get(path).header("ETag");
            assertThat(etag).as(path).isNotBlank();

            Response r = get(path, "If-None-Match", etag);

            assertThat(r.status()).as(path).isEqualTo(304);
            assertThat(r.body()).as(path).isEmpty();
            assertThat(r.header("ETag")).as(path).isEqualTo(etag);
        }
    }

    @Test
    void a_304_carries_no_content_type() {
        for (String path : new String[] {"/users/" + alice, "/orders/" + order}) {
            for (String method : new String[] {"GET", "HEAD"}) {
                Response r = service.send(method, path, null, with(owner, "If-None-Match", get(path).header("ETag")));

                assertThat(r.status()).as("%s %s", method, path).isEqualTo(304);
                assertThat(r.headers().firstValue("Content-Type")).as("%s %s", method, path).isEmpty();
            }
        }
    }

    @Test
    void a_204_carries_no_content_type() {
        String newPassword = "Nova#Senha-204";
        Response[] noContent = {
                service.send("DELETE", "/orders/" + order, null, owner),
                service.send("PUT", "/users/" + alice + "/password", Api.body("password", PASSWORD, "new_password", newPassword), owner),
                service.send("DELETE", "/users/" + alice, null, "Authorization", ApiClient.basic("alice", newPassword))};

        for (Response r : noContent) {
            assertThat(r.status()).as(r.body()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("Content-Type")).isEmpty();
        }
    }
}
