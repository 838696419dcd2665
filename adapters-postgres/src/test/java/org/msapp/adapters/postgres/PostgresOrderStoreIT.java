package org.msapp.adapters.postgres;

import org.junit.jupiter.api.AfterAll;
import org.msapp.application.port.OrderStoreContract;
import org.msapp.application.port.Persistence;

class PostgresOrderStoreIT extends OrderStoreContract {
    private static final TestDatabase DB = TestDatabase.named("order_store");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Override
    protected Persistence persistence() {
        return DB.empty();
    }
}
