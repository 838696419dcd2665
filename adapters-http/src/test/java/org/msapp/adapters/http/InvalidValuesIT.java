package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.errorFields;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.adapters.http.ApiClient.Response;

/** 422: values that break the rules are refused with every field at fault named, and change nothing. */
class InvalidValuesIT extends AliceAndHerOrderOnTestServer {
    @Test
    void missing_required_fields_are_422_with_one_error_per_field() {
        Response user = post("/users", "{}");
        assertProblem(user, 422, "/users");
        assertThat(errorFields(user)).containsExactlyInAnyOrder("nick_name", "password", "full_name", "cpf", "email", "phone_number");

        Response nulls = post("/users", "{\"nick_name\":null,\"password\":null,\"full_name\":null}");
        assertProblem(nulls, 422, "/users");
        assertThat(errorFields(nulls)).containsExactlyInAnyOrder("nick_name", "password", "full_name", "cpf", "email", "phone_number");

        Response anOrder = post(orders(), "{}");
        assertProblem(anOrder, 422, orders());
        assertThat(errorFields(anOrder)).containsExactlyInAnyOrder("item_description", "item_quantity", "item_price");

        Response password = service.send("PUT", "/users/" + alice + "/password", "{}", owner);
        assertProblem(password, 422, "/users/" + alice + "/password");
        assertThat(errorFields(password)).containsExactlyInAnyOrder("password", "new_password");
    }

    static Stream<String[]> invalidValues() {
        return Stream.of(
                new String[] {"cpf", "123.456.789-00"},
                new String[] {"cpf", "111.111.111-11"},
                new String[] {"cpf", "1234567890"},
                new String[] {"cpf", "529.982.247-2x"},
                new String[] {"email", "alice"},
                new String[] {"email", "alice@"},
                new String[] {"email", "al ice@example.com"},
                new String[] {"email", "a".repeat(40) + "@example.com"},
                new String[] {"phone_number", "call me"},
                new String[] {"phone_number", "+55 11 9x"},
                new String[] {"phone_number", "1".repeat(51)},
                new String[] {"nick_name", "ab"},
                new String[] {"nick_name", "has space"},
                new String[] {"nick_name", "a".repeat(51)},
                new String[] {"nick_name", "ação"},
                new String[] {"full_name", ""},
                new String[] {"full_name", "x".repeat(51)},
                new String[] {"password", "short"});
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void an_invalid_value_is_422_naming_its_field(String field, String value) {
        ObjectNode user = Api.userJson("bob", "Senha@123");
        user.put(field, value);

        Response r = post("/users", Api.write(user));

        assertProblem(r, 422, "/users");
        assertThat(errorFields(r)).containsExactly(field);
        assertThat(r.json().get("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(registered()).isEqualTo(ALICE_AND_THE_ADMIN);
    }

    /** The CPF and the password are not fields of PATCH /users/{id}: the password has a route of its own, the CPF stays. */
    private static boolean changeable(String[] fieldAndValue) {
        return !fieldAndValue[0].equals("password") && !fieldAndValue[0].equals("cpf");
    }

    static Stream<String[]> invalidChangeableValues() {
        return invalidValues().filter(InvalidValuesIT::changeable);
    }

    static Stream<String[]> invalidUnchangeableValues() {
        return invalidValues().filter(v -> !changeable(v));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidChangeableValues")
    void an_invalid_value_in_a_change_is_422_naming_its_field(String field, String value) {
        Response r = service.send("PATCH", "/users/" + alice, Api.body(field, value), owner);

        assertProblem(r, 422, "/users/" + alice);
        assertThat(errorFields(r)).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidUnchangeableValues")
    void the_cpf_or_the_password_in_a_change_is_400_naming_it_as_no_field_of_a_change(String field, String value) {
        Response r = service.send("PATCH", "/users/" + alice, Api.body(field, value), owner);

        assertProblem(r, 400, "/users/" + alice);
        assertThat(errorFields(r)).containsExactly(field);
        assertThat(service.send("PATCH", "/users/" + alice, "{}", owner).json().get("cpf").asText())
                .as("the CPF as it was").isEqualTo("***.982.247-**");
        assertThat(service.token("alice", PASSWORD)).as("the password as it was").isNotBlank();
    }

    @Test
    void order_values_out_of_range_are_422_naming_the_field() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("item_quantity", "{\"item_description\":\"Book\",\"item_quantity\":0,\"item_price\":100}");
        bad.put("item_price", "{\"item_description\":\"Book\",\"item_quantity\":1,\"item_price\":-1}");
        bad.put("item_description", "{\"item_description\":\"" + "d".repeat(257) + "\",\"item_quantity\":1,\"item_price\":100}");
        for (var e : bad.entrySet()) {
            Response r = post(orders(), e.getValue());
            assertProblem(r, 422, orders());
            assertThat(errorFields(r)).as(e.getKey()).containsExactly(e.getKey());
        }
        Response tooMany = post(orders(), "{\"item_description\":\"Book\",\"item_quantity\":1000001,\"item_price\":100000001}");
        assertProblem(tooMany, 422, orders());
        assertThat(errorFields(tooMany)).containsExactlyInAnyOrder("item_quantity", "item_price");
        assertThat(Api.items(service.get("/orders", admin))).hasSize(1);
    }
}
