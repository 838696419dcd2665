package org.msapp.application.memory;

import org.msapp.application.port.OutboxContract;
import org.msapp.application.port.Persistence;

class InMemoryOutboxTest extends OutboxContract {
    @Override
    protected Persistence persistence() {
        return new InMemoryPersistence();
    }
}
