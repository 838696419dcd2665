package org.msapp.adapters.postgres;

import org.junit.jupiter.api.AfterAll;
import org.msapp.application.port.UnitOfWorkContract;
import org.msapp.application.port.Persistence;

class PostgresUnitOfWorkIT extends UnitOfWorkContract {
    private static final TestDatabase DB = TestDatabase.named("unit_of_work");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    protected Persistence persistence() {
        return DB.empty();
    }
}
