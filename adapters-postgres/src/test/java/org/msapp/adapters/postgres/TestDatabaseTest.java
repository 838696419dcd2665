package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How a test that needs PostgreSQL takes a failed connection: no server, or a server that refuses it. */
class TestDatabaseTest {
    @Test
    void a_server_that_does_not_answer_skips_the_test_or_fails_it_under_ci_with_how_to_start_one() {
        Throwable refused = catchThrowable(() -> TestDatabase.refuse(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        assertThat(refused).isInstanceOf(System.getenv("CI") == null ? TestAbortedException.class : AssertionFailedError.class)
                .hasMessageContaining("does not answer").hasMessageContaining(TestDatabase.START);
    }

    @Test
    void a_server_that_refuses_the_password_fails_the_test_and_is_no_missing_server() {
        Throwable refused = catchThrowable(() -> TestDatabase.refuse(
                new SQLException("FATAL: password authentication failed for user \"postgres\"", "28P01")));

        assertThat(refused).isInstanceOf(IllegalStateException.class).isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("refuses the tests' connection").hasMessageContaining("28P01")
                .hasMessageNotContaining(TestDatabase.START);
    }

    @Test
    void a_refusal_without_a_sqlstate_fails_the_test_too() {
        Throwable refused = catchThrowable(() -> TestDatabase.refuse(new SQLException("something unforeseen")));

        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("refuses the tests' connection");
    }
}
