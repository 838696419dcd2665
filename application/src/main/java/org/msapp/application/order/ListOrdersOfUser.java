package org.msapp.application.order;

import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.paging.Page;
import org.msapp.application.port.Persistence;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

public final class ListOrdersOfUser {
    public record Query(Caller caller, UserId user, int limit, Optional<OrderId> after) {
        public Query {
            Page.checkLimit(limit);
        }
    }

    private final Persistence persistence;

    public ListOrdersOfUser(Persistence persistence) {
        this.persistence = persistence;
    }

    /** @throws UserNotFound when there is no such user (an existing user with no orders gets an empty page) */
    public Page<Order> handle(Query q) {
        q.caller().requireAccessTo(q.user());
        return Page.of(persistence.inTransaction(stores -> {
            stores.users().find(q.user()).orElseThrow(() -> new UserNotFound(q.user()));
            return stores.orders().listOfUser(q.user(), q.after(), q.limit() + 1);
        }), q.limit(), o -> o.id().value());
    }
}
