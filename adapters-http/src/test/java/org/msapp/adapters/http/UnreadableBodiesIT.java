package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.errorFields;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.adapters.http.ApiClient.Response;

/** 400: a body that cannot be read (malformed JSON, a wrong JSON type, an unknown or duplicate field) changes nothing. */
class UnreadableBodiesIT extends AliceAndHerOrderOnTestServer {
    @ParameterizedTest
    @ValueSource(strings = {"{\"nick_name\":", "{nick_name: \"x\"}", "{\"nick_name\":\"x\",}", "{\"nick_name\":\"x\"} {}",
            "{\"nick_name\":'x'}", "{\"a\":1}}", "<xml/>"})
    void malformed_json_is_400(String body) {
        assertProblem(post("/users", body), 400, "/users");
    }

    @Test
    void an_empty_body_is_400() {
        assertProblem(post("/users", ""), 400, "/users");
        assertProblem(post(orders(), ""), 400, orders());
    }

    @Test
    void wrong_json_types_are_400_naming_the_field() {
        Response quotedNumber = post(orders(), "{\"item_description\":\"Book\",\"item_quantity\":\"12\",\"item_price\":100}");
        assertProblem(quotedNumber, 400, orders());
        assertThat(errorFields(quotedNumber)).containsExactly("item_quantity");

        Response fraction = post(orders(), "{\"item_description\":\"Book\",\"item_quantity\":1.5,\"item_price\":100}");
        assertProblem(fraction, 400, orders());
        assertThat(errorFields(fraction)).containsExactly("item_quantity");

        Response wholeFloat = post(orders(), "{\"item_description\":\"Book\",\"item_quantity\":2,\"item_price\":100.0}");
        assertProblem(wholeFloat, 400, orders());

        ObjectNode user = Api.userJson("bob", "Senha@123");
        user.put("nick_name", 42);
        Response number = post("/users", Api.write(user));
        assertProblem(number, 400, "/users");
        assertThat(errorFields(number)).containsExactly("nick_name");

        user = Api.userJson("bob", "Senha@123");
        user.putObject("full_name").put("first", "Bob");
        assertProblem(post("/users", Api.write(user)), 400, "/users");

        user = Api.userJson("bob", "Senha@123");
        user.put("email", true);
        assertProblem(post("/users", Api.write(user)), 400, "/users");

        assertProblem(service.send("PATCH", "/orders/" + order, "{\"item_price\":\"100\"}", owner), 400, "/orders/" + order);
        assertThat(service.get("/orders/" + order, owner).json().get("item_price").asLong()).isEqualTo(100);
        assertThat(registered()).as("nothing registered").isEqualTo(ALICE_AND_THE_ADMIN);
    }

    @Test
    void a_json_array_or_scalar_body_is_400() {
        assertProblem(post("/users", "[" + Api.userBody("bob", "Senha@123") + "]"), 400, "/users");
        assertProblem(post("/users", "\"nick_name\""), 400, "/users");
        assertProblem(post(orders(), "[]"), 400, orders());
        assertProblem(post(orders(), "null"), 400, orders());
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        ObjectNode user = Api.userJson("bob", "Senha@123");
        user.put("is_admin", true);

        Response r = post("/users", Api.write(user));

        assertProblem(r, 400, "/users");
        assertThat(errorFields(r)).containsExactly("is_admin");
        assertThat(registered()).isEqualTo(ALICE_AND_THE_ADMIN);

        Response camel = post(orders(), "{\"itemDescription\":\"Book\",\"item_quantity\":1,\"item_price\":100}");
        assertProblem(camel, 400, orders());
        assertThat(errorFields(camel)).containsExactly("itemDescription");

        Response patch = service.send("PATCH", "/orders/" + order, "{\"user_id\":999}", owner);
        assertProblem(patch, 400, "/orders/" + order);
        assertThat(errorFields(patch)).containsExactly("user_id");
    }

    @Test
    void a_duplicate_key_is_400() {
        String body = Api.userBody("bob", "Senha@123").replaceFirst("\\{", "{\"nick_name\":\"mallory\",");

        assertProblem(post("/users", body), 400, "/users");
        assertThat(registered()).isEqualTo(ALICE_AND_THE_ADMIN);
        assertProblem(service.send("PATCH", "/orders/" + order, "{\"item_quantity\":3,\"item_quantity\":4}", owner), 400, "/orders/" + order);
    }
}
