package org.msapp.application.memory;

import org.msapp.application.port.IdempotencyRecordsContract;
import org.msapp.application.port.Persistence;

class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @Override
    protected Persistence persistence() {
        return new InMemoryPersistence();
    }
}
