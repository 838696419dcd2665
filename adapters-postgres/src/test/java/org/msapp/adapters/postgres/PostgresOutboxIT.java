package org.msapp.adapters.postgres;

import org.junit.jupiter.api.AfterAll;
import org.msapp.application.port.OutboxContract;
import org.msapp.application.port.Persistence;

class PostgresOutboxIT extends OutboxContract {
    private static final TestDatabase DB = TestDatabase.named("outbox");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    protected Persistence persistence() {
        return DB.empty();
    }
}
