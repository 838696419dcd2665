package org.msapp.application.port;

import java.util.function.Function;

/**
 * The store of users, orders, outbox events and idempotency records, behind one unit of work.
 *
 * <p>{@link #inTransaction} runs {@code work} atomically: everything it changed commits together when
 * it returns, and nothing is kept when it throws (the exception is rethrown as it was). A call made
 * inside the work of another, on the same thread, joins that unit of work. The stores handed to
 * {@code work} must not be used after it returns.
 *
 * <p>Failures: domain refusals (for instance {@code NickNameTaken}, {@code UserHasOrders},
 * {@code VersionMismatch}) as each store documents; {@link org.msapp.application.availability.ServiceUnavailable}
 * when the database cannot be reached or does not answer in time. Nothing else.
 */
public interface Persistence {
    <T> T inTransaction(Function<Stores, T> work);

    /**
     * Runs {@code work} as {@link #inTransaction} does, for bookkeeping that is safe to lose and do again:
     * the commit may return before it is durable (on PostgreSQL, {@code synchronous_commit} is off for
     * this transaction alone), so a crash of the database in the moments after may undo all of it, never
     * a part of it. Nothing else's durability changes. The outbox relay's claims and marks are such: a
     * lost mark has an event published again, which consumers deduplicate by its id. Inside the work of
     * {@link #inTransaction}, on the same thread, it joins that unit of work, durable as it is.
     */
    default <T> T inRedoableTransaction(Function<Stores, T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work}, one read, with no transaction around it: on a database, a single statement in
     * autocommit, with no BEGIN and no COMMIT (one round trip, not three). Two reads made in one call may
     * see different commits; when they must agree, use {@link #inTransaction}. Inside the work of
     * {@link #inTransaction}, on the same thread, it joins that unit of work. Fails as {@link #inTransaction} does.
     */
    default <T> T read(Function<Stores, T> work) {
        return inTransaction(work);
    }

    /** The stores of one unit of work. */
    interface Stores {
        UserStore users();

        OrderStore orders();

        Outbox outbox();

        IdempotencyRecords idempotency();
    }
}
