package org.msapp.application.memory;

import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.PasswordHasherContract;

class FastPasswordHasherTest extends PasswordHasherContract {
    @Override
    protected PasswordHasher hasher() {
        return new FastPasswordHasher();
    }
}
