package org.msapp.application.port;

/**
 * One backing service's state, for readiness. {@link #check()} answers within about a second and
 * never throws: a failure is a DOWN result. A {@code critical} service down makes the whole service
 * unready; another one only degrades it. Anyone may read a result's {@code detail}: it names what the
 * part runs on and, when down, why in a few words ("PostgreSQL: timed out"), never a host, port,
 * database, user or version; those belong to the start-up lines and the logs.
 */
public interface HealthProbe {
    String name();

    boolean critical();

    Result check();

    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
