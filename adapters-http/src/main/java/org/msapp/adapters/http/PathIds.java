package org.msapp.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.UserId;

/** Ids in paths; one that cannot be an id names no resource: 404. */
final class PathIds {
    private PathIds() {
    }

    static UserId user(Context ctx) {
        return new UserId(positive(ctx, "user"));
    }

    static OrderId order(Context ctx) {
        return new OrderId(positive(ctx, "order"));
    }

    private static long positive(Context ctx, String what) {
        String raw = ctx.pathParam("id");
        try {
            long id = Numerals.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new NotFoundResponse("no " + what + " with id " + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw));
    }
}
