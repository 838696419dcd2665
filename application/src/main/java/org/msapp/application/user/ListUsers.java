package org.msapp.application.user;

import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.paging.Page;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

public final class ListUsers {
    public record Query(Caller caller, int limit, Optional<UserId> after) {
        public Query {
            Page.checkLimit(limit);
        }
    }

    private final Persistence persistence;

    public ListUsers(Persistence persistence) {
        this.persistence = persistence;
    }

    public Page<User> handle(Query q) {
        q.caller().requireAdmin("the list of users");
        return Page.of(persistence.read(stores -> stores.users().list(q.after(), q.limit() + 1)), q.limit(),
                u -> u.id().value());
    }
}
