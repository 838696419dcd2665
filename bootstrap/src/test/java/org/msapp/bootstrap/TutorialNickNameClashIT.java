package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.msapp.bootstrap.TutorialDatabase.ADOPTED;
import static org.msapp.bootstrap.TutorialDatabase.CFFI_DEFAULT_HASH;
import static org.msapp.bootstrap.TutorialDatabase.MS1_STARTED;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.postgres.TestDatabase;

/**
 * The tutorial's nick names were unique only in their exact case; this service's are unique whatever
 * their case. A tutorial database that holds two names differing only in case stops the start, with
 * nothing half-migrated, until they are renamed.
 */
class TutorialNickNameClashIT {
    private TutorialDatabase tutorial;

    @AfterEach
    void cleanUp() {
        if (tutorial != null) tutorial.close();
    }

    @Test
    void nick_names_that_differ_only_in_case_stop_the_start_until_renamed() {
        tutorial = new TutorialDatabase("adopt_case");
        TestDatabase db = tutorial.db;
        db.execute("""
                INSERT INTO users (nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at)
                VALUES ('Alice', '%1$s', 'Alice A', '52998224725', 'alice@example.com', '11 1111-1111', '%2$s', '%2$s'),
                       ('alice', '%1$s', 'Alice B', '39053344705', 'alice.b@example.com', '11 2222-2222', '%2$s', '%2$s')"""
                .formatted(CFFI_DEFAULT_HASH, MS1_STARTED));

        Throwable refused = catchThrowable(tutorial::start);

        assertThat(refused).as("the start on a database with nick names Alice and alice").isNotNull();
        assertThat(refused.getMessage()).as("the message the service stops with (Main prints it)")
                .contains("differ only in case").contains("rename them");
        assertThat(db.<String>one("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name = 'created_at'"))
                .as("the failed V2 was rolled back whole: the tutorial's columns are as it made them")
                .isEqualTo("timestamp without time zone");
        assertThat(tutorial.history()).as("no failed migration is recorded, so a start after the fix needs no repair")
                .containsExactly(ADOPTED, "1:SQL:true");

        // as the message says: rename them, then start again
        db.execute("UPDATE users SET nick_name = 'alice_b' WHERE nick_name = 'alice'");
        tutorial.start();
        assertThat(tutorial.history()).as("after the rename, the migrations succeed")
                .containsExactly(ADOPTED, "1:SQL:true", "2:SQL:true", "3:SQL:true", "4:SQL:true", "5:SQL:true", "6:SQL:true");
    }
}
