package org.msapp.adapters.postgres;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
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

    static ServiceUnavailable toUnavailable(Throwable e) {
        return new ServiceUnavailable("the database", new SQLException(describe(e), sqlState(e).orElse(null)));
    }

    /** A failure the port does not name (a bug): its SQLState and class, never the statement's values. */
    static IllegalStateException unexpected(Throwable e) {
        return new IllegalStateException("the database refused a statement: " + describe(e));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return "SQLState " + sqlState(e).orElse("none") + " (" + root.getClass().getSimpleName() + ")";
    }
}
