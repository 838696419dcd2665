package org.msapp.adapters.postgres;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * For a class whose tests need PostgreSQL, also in their {@code @BeforeAll}: when it does not answer,
 * each test is skipped with how to start it (failed under CI; failed, CI or not, when the server
 * refuses the connection), as {@link TestDatabase#requireServer()} says, and none of the class's
 * set-up and tear-down methods runs, so a tear-down never meets what its set-up never made. (An abort
 * in a {@code @BeforeAll} would skip the class as "Tests run: 0", without a word.)
 */
public class RequirePostgres implements BeforeEachCallback, InvocationInterceptor {
    /** Whether the tests need PostgreSQL: always, unless a subclass knows better. */
    protected boolean needed() {
        return true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (needed()) TestDatabase.requireServer();
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
    private void proceedUnlessMissing(Invocation<Void> invocation) throws Throwable {
        if (needed() && TestDatabase.connectionFailure().isPresent()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }
}
