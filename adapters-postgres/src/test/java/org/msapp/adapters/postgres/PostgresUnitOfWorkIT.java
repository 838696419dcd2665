package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msapp.application.port.Persistence;
import org.msapp.application.port.UnitOfWorkContract;

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

    @Test
    void a_redoable_unit_of_work_alone_commits_without_waiting_for_the_flush_and_one_it_joins_keeps_waiting() {
        PostgresPersistence db = (PostgresPersistence) persistence();

        String redoable = db.inRedoableTransaction(s -> PostgresPersistence.setting(s, "synchronous_commit"));
        String plain = db.inTransaction(s -> PostgresPersistence.setting(s, "synchronous_commit"));
        String joined = db.inTransaction(outer -> db.inRedoableTransaction(s -> PostgresPersistence.setting(s, "synchronous_commit")));
        String afterwards = db.read(s -> PostgresPersistence.setting(s, "synchronous_commit"));

        assertThat(redoable).isEqualTo("off");
        assertThat(plain).isEqualTo("on");
        assertThat(joined).as("joined: durable as the unit of work it joins").isEqualTo("on");
        assertThat(afterwards).as("SET LOCAL ends with its transaction").isEqualTo("on");
    }
}
