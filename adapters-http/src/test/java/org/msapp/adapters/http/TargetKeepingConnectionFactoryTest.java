package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path of a request target as it came on the request line, which Jetty could not decode. */
class TargetKeepingConnectionFactoryTest {
    @ParameterizedTest
    @CsvSource({
            "/users/%zz, /users/%zz",
            "/users/%zz?after=x&limit=2, /users/%zz",
            "/users/%#frag, /users/%",
            "http://127.0.0.1:8080/users/%zz?q, /users/%zz",
            "http://127.0.0.1:8080, /",
            "https://host?x, /",
            "*, *",
            "127.0.0.1:443, 127.0.0.1:443"})
    void the_path_of_a_target_is_what_comes_before_its_query(String target, String path) {
        assertThat(TargetKeepingConnectionFactory.pathOf(target)).isEqualTo(path);
    }
}
