package org.msapp.bootstrap;

import org.msapp.adapters.postgres.RequirePostgres;

/**
 * {@link RequirePostgres} when the tests run on PostgreSQL ({@link TestService#onPostgres()}): without
 * it, each test is skipped with how to start it (failed under CI), and no set-up or tear-down of its
 * class runs, so a tear-down never meets a service that never started. Registered for every test class
 * of this module ({@code META-INF/services}, {@code junit-platform.properties}): a new class needs
 * nothing to get it.
 */
public final class RequireTestPersistence extends RequirePostgres {
    @Override
    protected boolean needed() {
        return TestService.onPostgres();
    }
}
