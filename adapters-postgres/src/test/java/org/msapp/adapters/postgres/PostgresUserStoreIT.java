package org.msapp.adapters.postgres;

import org.junit.jupiter.api.AfterAll;
import org.msapp.application.port.UserStoreContract;
import org.msapp.application.port.Persistence;

class PostgresUserStoreIT extends UserStoreContract {
    private static final TestDatabase DB = TestDatabase.named("user_store");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    protected Persistence persistence() {
        return DB.empty();
    }
}
