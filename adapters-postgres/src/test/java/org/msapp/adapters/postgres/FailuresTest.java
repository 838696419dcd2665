package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    /** What HikariCP throws when no connection came within its timeout, the last failure to make one as the cause. */
    private static RuntimeException poolTimedOut(SQLException lastFailure) {
        String state = lastFailure == null ? null : lastFailure.getSQLState();
        return new ConnectionException(new SQLTransientConnectionException(
                "msapp-postgres - Connection is not available, request timed out after 1000ms", state, lastFailure));
    }

    @Test
    void a_refused_connection_is_said_so_without_the_address_the_driver_names() {
        var refused = new SQLException("Connection to db.internal:5432 refused", "08001",
                new ConnectException("Connection refused"));

        assertThat(Failures.reason(poolTimedOut(refused))).isEqualTo("connection refused");
    }

    @Test
    void a_database_that_does_not_answer_in_time_has_timed_out() {
        var silent = new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("Read timed out"));

        assertThat(Failures.reason(poolTimedOut(silent))).isEqualTo("timed out");
        assertThat(Failures.reason(poolTimedOut(null))).isEqualTo("timed out");
        assertThat(Failures.reason(new ConnectionException(new SQLException("canceling statement due to statement timeout", "57014"))))
                .isEqualTo("timed out");
    }

    @Test
    void the_server_s_refusals_are_named_by_their_class_not_their_message() {
        assertThat(Failures.reason(poolTimedOut(new SQLException("password authentication failed for user \"app\"", "28P01"))))
                .isEqualTo("credentials refused");
        assertThat(Failures.reason(poolTimedOut(new SQLException("database \"msapp\" does not exist", "3D000"))))
                .isEqualTo("no such database");
        assertThat(Failures.reason(poolTimedOut(new SQLException("the database system is starting up", "57P03"))))
                .isEqualTo("not accepting connections");
        assertThat(Failures.reason(poolTimedOut(new SQLException("sorry, too many clients already", "53300"))))
                .isEqualTo("out of resources");
    }

    @Test
    void anything_else_is_unreachable() {
        assertThat(Failures.reason(poolTimedOut(new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .isEqualTo("unreachable");
        assertThat(Failures.reason(new IllegalStateException("PostgreSQL 15.20 at 10.0.0.7:5432/msapp"))).isEqualTo("unreachable");
    }
}
