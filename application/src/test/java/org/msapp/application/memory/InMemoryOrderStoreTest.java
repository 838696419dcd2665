package org.msapp.application.memory;

import org.msapp.application.port.OrderStoreContract;
import org.msapp.application.port.Persistence;

class InMemoryOrderStoreTest extends OrderStoreContract {
    @Override
    protected Persistence persistence() {
        return new InMemoryPersistence();
    }
}
