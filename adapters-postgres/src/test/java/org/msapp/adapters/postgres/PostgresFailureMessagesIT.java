package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;

/** A statement the database refuses for a reason the port does not name: a plain failure, and no value of the row in it. */
class PostgresFailureMessagesIT {
    private static final TestDatabase DB = TestDatabase.named("failure_messages");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    private static final String CPF = "9876543210x";

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void a_refused_row_is_an_illegal_state_that_names_the_sqlstate_but_none_of_its_values() {
        PostgresPersistence db = DB.empty();
        User breaksTheCheck = Users.alice().withPasswordHash(new PasswordHash(HASH)).withStoredCpf(CPF).build();

        Throwable failure = catchThrowable(() -> db.inTransaction(s -> {
            s.users().add(breaksTheCheck);   // users_cpf_rule: a row of this service's must hold 11 digits
            return null;
        }));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("SQLState 23514");
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        assertThat(everything.toString()).doesNotContain(HASH).doesNotContain(CPF).doesNotContain("alice@example.com");
    }
}
