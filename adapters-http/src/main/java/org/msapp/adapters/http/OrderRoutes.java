package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.msapp.application.order.DeleteOrder;
import org.msapp.application.order.GetOrder;
import org.msapp.application.order.ListAllOrders;
import org.msapp.application.order.ListOrdersOfUser;
import org.msapp.application.order.PlaceOrder;
import org.msapp.application.order.UpdateOrder;
import org.msapp.domain.InvalidField;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.Quantity;

/** /users/{id}/orders and /orders: place, list, read, change, delete (the owner or an administrator; the list of all: administrators). */
final class OrderRoutes {
    private static final Set<String> FIELDS = Set.of(ItemDescription.FIELD, Quantity.FIELD, ItemPrice.FIELD);

    private final PlaceOrder placeOrder;
    private final GetOrder getOrder;
    private final ListOrdersOfUser listOrdersOfUser;
    private final ListAllOrders listAllOrders;
    private final UpdateOrder updateOrder;
    private final DeleteOrder deleteOrder;
    private final Idempotency idempotency;

    OrderRoutes(PlaceOrder placeOrder, GetOrder getOrder, ListOrdersOfUser listOrdersOfUser, ListAllOrders listAllOrders,
                UpdateOrder updateOrder, DeleteOrder deleteOrder, Idempotency idempotency) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.listOrdersOfUser = listOrdersOfUser;
        this.listAllOrders = listAllOrders;
        this.updateOrder = updateOrder;
        this.deleteOrder = deleteOrder;
        this.idempotency = idempotency;
    }

    void register(RoutesConfig routes) {
        routes.post("/users/{id}/orders", this::place, Authentication.CALLER);
        Routes.get(routes, "/users/{id}/orders", this::listOfUser, Authentication.CALLER);
        Routes.get(routes, "/orders", this::listAll, Authentication.CALLER);
        Routes.get(routes, "/orders/{id}", this::get, Authentication.CALLER);
        routes.patch("/orders/{id}", this::update, Authentication.CALLER);
        routes.delete("/orders/{id}", this::delete, Authentication.CALLER);
    }

    private void place(Context ctx) {
        var user = PathIds.user(ctx);
        Body body = Body.parse(ctx, FIELDS);
        Validation v = new Validation();
        var command = new PlaceOrder.Command(Authentication.caller(ctx), user,
                v.check(() -> ItemDescription.of(body.text(ItemDescription.FIELD))),
                v.check(() -> Quantity.of(required(Quantity.FIELD, body.integer(Quantity.FIELD)))),
                v.check(() -> ItemPrice.of(required(ItemPrice.FIELD, body.integer(ItemPrice.FIELD)))));
        v.done();
        idempotency.respond(ctx, () -> {
            Order order = placeOrder.handle(command);
            return Idempotency.created("/orders/" + order.id(), order.version(), OrderView.of(order));
        });
    }

    private void listOfUser(Context ctx) {
        var user = PathIds.user(ctx);
        int limit = Paging.limit(ctx);
        var page = listOrdersOfUser.handle(new ListOrdersOfUser.Query(Authentication.caller(ctx), user, limit, Paging.after(ctx).map(OrderId::new)));
        Paging.respond(ctx, page, limit, o -> OrderView.of(o));
    }

    private void listAll(Context ctx) {
        int limit = Paging.limit(ctx);
        var page = listAllOrders.handle(new ListAllOrders.Query(Authentication.caller(ctx), limit, Paging.after(ctx).map(OrderId::new)));
        Paging.respond(ctx, page, limit, o -> OrderView.of(o));
    }

    private void get(Context ctx) {
        Order order = getOrder.handle(new GetOrder.Query(Authentication.caller(ctx), PathIds.order(ctx)));
        if (!ETags.notModified(ctx, order.version())) ctx.json(OrderView.of(order));
    }

    private void update(Context ctx) {
        OrderId id = PathIds.order(ctx);
        Body body = Body.parse(ctx, FIELDS);
        Validation v = new Validation();
        var changes = new OrderChanges(
                v.checkOptional(() -> body.optionalText(ItemDescription.FIELD).map(ItemDescription::of)),
                v.checkOptional(() -> body.optionalInteger(Quantity.FIELD).map(Quantity::of)),
                v.checkOptional(() -> body.optionalInteger(ItemPrice.FIELD).map(ItemPrice::of)));
        v.done();
        Order order = updateOrder.handle(new UpdateOrder.Command(Authentication.caller(ctx), id, changes, ETags.ifMatch(ctx)));
        ctx.header("ETag", ETags.of(order.version())).json(OrderView.of(order));
    }

    private void delete(Context ctx) {
        deleteOrder.handle(new DeleteOrder.Command(Authentication.caller(ctx), PathIds.order(ctx), ETags.ifMatch(ctx)));
        ctx.status(204);
    }

    private static long required(String field, Long value) {
        if (value == null) throw new InvalidField(field, "is required");
        return value;
    }
}
