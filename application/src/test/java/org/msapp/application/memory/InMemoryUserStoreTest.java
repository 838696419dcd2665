package org.msapp.application.memory;

import org.msapp.application.port.UserStoreContract;
import org.msapp.application.port.Persistence;

class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected Persistence persistence() {
        return new InMemoryPersistence();
    }
}
