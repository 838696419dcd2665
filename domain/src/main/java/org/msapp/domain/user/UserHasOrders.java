package org.msapp.domain.user;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** The 1-to-N rule: a user who still has orders cannot be deleted. */
public final class UserHasOrders extends DomainException {
    public UserHasOrders(UserId id) {
        super("user_has_orders", Kind.CONFLICT, "user " + id + " still has orders; delete them first");
    }
}
