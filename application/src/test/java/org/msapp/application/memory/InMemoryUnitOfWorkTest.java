package org.msapp.application.memory;

import org.msapp.application.port.UnitOfWorkContract;
import org.msapp.application.port.Persistence;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected Persistence persistence() {
        return new InMemoryPersistence();
    }
}
