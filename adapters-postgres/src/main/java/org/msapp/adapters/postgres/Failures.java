package org.msapp.adapters.postgres;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;
import org.msapp.application.availability.ServiceUnavailable;

/** What the driver's failures mean to the port: a rule of the schema, or a database that cannot answer now. */
final class Failures {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private Failures() {
    }

    /** The SQLState of the first SQLException among the causes. */
    static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return Optional.of(sql.getSQLState());
        }
        return Optional.empty();
    }

    static boolean is(Throwable e, String sqlState) {
        return sqlState(e).filter(sqlState::equals).isPresent();
    }

    /**
     * True for a failure of the database rather than of the request: no connection, a connection lost
     * or timed out, the server shutting down or out of resources, a transaction that lost a race.
     */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) return true;
        }
        String state = sqlState(e).orElse("");
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("40001")
                || state.equals("40P01");
    }

    /**
     * Why the database did not answer, in a few words that name no host, port, database, user or
     * version: for readiness, which anyone may read.
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return "connection refused";
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException) return "timed out";
        }
        String state = sqlState(e).orElse("");
        if (state.equals("57014")) return "timed out";   // the statement timeout
        if (state.startsWith("28")) return "credentials refused";
        if (state.equals("3D000")) return "no such database";
        if (state.startsWith("57P")) return "not accepting connections";
        if (state.startsWith("53")) return "out of resources";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException && state.isEmpty()) return "timed out";   // no connection free in time
        }
        return "unreachable";
    }

    static ServiceUnavailable toUnavailable(Throwable e) {
        return new ServiceUnavailable("the database", new SQLException(describe(e), sqlState(e).orElse(null)));
    }

    /** A failure the port does not name (a bug): its SQLState and class, never the statement's values. */
    static IllegalStateException unexpected(Throwable e) {
        return new IllegalStateException("the database refused a statement: " + describe(e));
    }

    /** Its SQLState and the class of its root cause: never a message, which may hold a statement's values. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return "SQLState " + sqlState(e).orElse("none") + " (" + root.getClass().getSimpleName() + ")";
    }
}
