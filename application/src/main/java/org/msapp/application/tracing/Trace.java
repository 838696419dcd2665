package org.msapp.application.tracing;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The request that work is done for: its id (the one its response and every log line of it carry)
 * and, when the caller sent one, its W3C {@code traceparent}. The inbound adapter checks both and
 * binds the trace to the thread that serves the request ({@link #bind}); the events appended on that
 * thread keep it, so that a consumer can tie an event to the request that caused it.
 */
public record Trace(String requestId, String traceparent) {
    /** The longest request id kept; the inbound adapter makes up a fresh id rather than pass a longer one. */
    public static final int MAX_REQUEST_ID_LENGTH = 64;
    private static final ThreadLocal<Trace> CURRENT = new ThreadLocal<>();

    /** {@code traceparent} is null when the caller sent none. */
    public Trace {
        requireNonNull(requestId, "requestId");
        if (requestId.isBlank() || requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw new IllegalArgumentException("a request id is 1 to " + MAX_REQUEST_ID_LENGTH + " characters");
        }
    }

    /** The trace of the request this thread serves; empty outside a request (at start, in the relay). */
    public static Optional<Trace> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds {@code trace} to this thread until the binding is closed, which brings back what was bound before. */
    public static Binding bind(Trace trace) {
        Trace previous = CURRENT.get();
        CURRENT.set(requireNonNull(trace, "trace"));
        return () -> {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        };
    }

    /** A {@link #bind binding}, closed on the thread that made it. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
