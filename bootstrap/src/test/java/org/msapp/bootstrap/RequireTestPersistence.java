package org.msapp.bootstrap;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.msapp.adapters.postgres.TestDatabase;

/**
 * When the tests run on PostgreSQL ({@link TestService#onPostgres()}) and it does not answer, each
 * test is skipped with how to start it (failed under CI; failed, CI or not, when the server refuses
 * the connection), and none of its class's set-up and tear-down methods runs: a tear-down never
 * meets a service that never started. Registered for every test class of this module
 * ({@code META-INF/services}, {@code junit-platform.properties}): a new class needs nothing to get it.
 */
public final class RequireTestPersistence implements BeforeEachCallback, InvocationInterceptor {
    @Override
    public void beforeEach(ExtensionContext context) {
        if (TestService.onPostgres()) TestDatabase.requireServer();
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        proceedUnlessMissing(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                          ExtensionContext context) throws Throwable {
        proceedUnlessMissing(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        proceedUnlessMissing(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                        ExtensionContext context) throws Throwable {
        proceedUnlessMissing(invocation);
    }

    /** A set-up or tear-down runs unless the tests need PostgreSQL and it fails them; each test then says why. */
    private static void proceedUnlessMissing(Invocation<Void> invocation) throws Throwable {
        if (TestService.onPostgres() && TestDatabase.connectionFailure().isPresent()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }
}
