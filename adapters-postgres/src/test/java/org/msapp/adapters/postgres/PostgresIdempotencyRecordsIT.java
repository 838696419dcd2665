package org.msapp.adapters.postgres;

import org.junit.jupiter.api.AfterAll;
import org.msapp.application.port.IdempotencyRecordsContract;
import org.msapp.application.port.Persistence;

class PostgresIdempotencyRecordsIT extends IdempotencyRecordsContract {
    private static final TestDatabase DB = TestDatabase.named("idempotency_records");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    protected Persistence persistence() {
        return DB.empty();
    }
}
