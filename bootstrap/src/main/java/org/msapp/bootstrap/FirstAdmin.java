package org.msapp.bootstrap;

import java.util.Optional;
import java.util.function.Consumer;
import org.msapp.application.user.BootstrapAdmin.Outcome;
import org.msapp.application.user.BootstrapAdmin;
import org.msapp.application.user.RegisterUser;

/** At start: makes the first administrator from ADMIN_BOOTSTRAP_* when there is none, and says what it found. */
final class FirstAdmin {
    private FirstAdmin() {
    }

    /** {@code report} takes the start-up line, {@code warn} a warning; neither ever gets the password. */
    static void ensure(BootstrapAdmin bootstrap, Optional<RegisterUser.Command> admin, Consumer<String> report,
                       Consumer<String> warn) {
        if (admin.isEmpty()) {
            if (bootstrap.anyAdmin()) {
                report.accept("[✓] administrators: present");
            } else {
                warn.accept("[!] there is no administrator: set ADMIN_BOOTSTRAP_NICK_NAME and ADMIN_BOOTSTRAP_PASSWORD to make the first");
            }
            return;
        }
        String name = admin.get().nickName().value();
        Outcome outcome = bootstrap.handle(admin.get());
        switch (outcome.kind()) {
            case CREATED -> report.accept("[✓] administrators: made '" + name + "' (user " + outcome.user().orElseThrow()
                    + ") from ADMIN_BOOTSTRAP_NICK_NAME");
            case ADMIN_EXISTS -> report.accept("[✓] administrators: present (ADMIN_BOOTSTRAP_* is not needed)");
            case NAME_TAKEN -> warn.accept("[!] there is no administrator, and '" + name + "' (ADMIN_BOOTSTRAP_NICK_NAME) "
                    + "is a user without the role: nothing was granted, since a name proves nothing of who registered it. "
                    + "Choose a name no one holds, or delete that user");
        }
    }
}
