package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.msapp.application.access.Caller;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.FindUserByNickName;
import org.msapp.application.user.GetUser;
import org.msapp.application.user.ListUsers;
import org.msapp.application.user.RegisterUser;
import org.msapp.application.user.SetAdminRole;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

/**
 * /users: register (open to anyone), list (administrators), read, change, delete (the user or an
 * administrator), and the administrator's role (administrators).
 */
final class UserRoutes {
    private static final String NEW_PASSWORD = "new_password";
    private static final Set<String> REGISTER =
            Set.of(NickName.FIELD, Password.FIELD, FullName.FIELD, Cpf.FIELD, Email.FIELD, PhoneNumber.FIELD);
    private static final Set<String> UPDATE = Set.of(NickName.FIELD, FullName.FIELD, Email.FIELD, PhoneNumber.FIELD);
    private static final Set<String> PASSWORD = Set.of(Password.FIELD, NEW_PASSWORD);

    private final RegisterUser registerUser;
    private final GetUser getUser;
    private final FindUserByNickName findUserByNickName;
    private final ListUsers listUsers;
    private final UpdateUser updateUser;
    private final ChangePassword changePassword;
    private final DeleteUser deleteUser;
    private final SetAdminRole setAdminRole;
    private final Idempotency idempotency;

    UserRoutes(RegisterUser registerUser, GetUser getUser, FindUserByNickName findUserByNickName, ListUsers listUsers,
               UpdateUser updateUser, ChangePassword changePassword, DeleteUser deleteUser, SetAdminRole setAdminRole,
               Idempotency idempotency) {
        this.registerUser = registerUser;
        this.getUser = getUser;
        this.findUserByNickName = findUserByNickName;
        this.listUsers = listUsers;
        this.updateUser = updateUser;
        this.changePassword = changePassword;
        this.deleteUser = deleteUser;
        this.setAdminRole = setAdminRole;
        this.idempotency = idempotency;
    }

    void register(RoutesConfig routes) {
        routes.post("/users", this::register);
        Routes.get(routes, "/users", this::list, Authentication.CALLER);
        Routes.get(routes, "/users/{id}", this::get, Authentication.CALLER);
        routes.patch("/users/{id}", this::update, Authentication.CALLER);
        routes.put("/users/{id}/password", this::changePassword, Authentication.CALLER);
        routes.delete("/users/{id}", this::delete, Authentication.CALLER);
        routes.put("/users/{id}/roles/admin", ctx -> setAdminRole(ctx, true), Authentication.CALLER);
        routes.delete("/users/{id}/roles/admin", ctx -> setAdminRole(ctx, false), Authentication.CALLER);
    }

    private void register(Context ctx) {
        Body body = Body.parse(ctx, REGISTER);
        Validation v = new Validation();
        var command = new RegisterUser.Command(
                v.check(() -> NickName.of(body.text(NickName.FIELD))),
                v.check(() -> Password.newPassword(Password.FIELD, body.text(Password.FIELD))),
                v.check(() -> FullName.of(body.text(FullName.FIELD))),
                v.check(() -> Cpf.of(body.text(Cpf.FIELD))),
                v.check(() -> Email.of(body.text(Email.FIELD))),
                v.check(() -> PhoneNumber.of(body.text(PhoneNumber.FIELD))));
        v.done();
        RegisterUser.Prepared prepared = registerUser.prepare(command);   // the hash, outside the unit of work
        idempotency.respond(ctx, () -> {
            User user = registerUser.handle(prepared);
            return Idempotency.created("/users/" + user.id(), user.version(), UserView.of(user));
        });
    }

    private void list(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        String nickName = ctx.queryParam(NickName.FIELD);
        if (nickName != null) {
            Optional<User> found = NickName.lookup(nickName)
                    .flatMap(name -> findUserByNickName.handle(new FindUserByNickName.Query(caller, name)));
            Paging.respond(ctx, found.stream().toList(), u -> UserView.of(u));
            return;
        }
        int limit = Paging.limit(ctx);
        var page = listUsers.handle(new ListUsers.Query(caller, limit, Paging.after(ctx).map(UserId::new)));
        Paging.respond(ctx, page, limit, u -> UserView.of(u));
    }

    private void get(Context ctx) {
        UserSnapshot user = getUser.handle(new GetUser.Query(Authentication.caller(ctx), PathIds.user(ctx)));
        if (!ETags.notModified(ctx, user.version())) ctx.json(UserView.of(user));
    }

    private void update(Context ctx) {
        UserId id = PathIds.user(ctx);
        Caller caller = Authentication.caller(ctx);
        Body body = Body.parse(ctx, UPDATE);
        Validation v = new Validation();
        var changes = new UserChanges(
                v.checkOptional(() -> body.optionalText(NickName.FIELD).map(NickName::of)),
                v.checkOptional(() -> body.optionalText(FullName.FIELD).map(FullName::of)),
                v.checkOptional(() -> body.optionalText(Email.FIELD).map(Email::of)),
                v.checkOptional(() -> body.optionalText(PhoneNumber.FIELD).map(PhoneNumber::of)));
        v.done();
        User user = updateUser.handle(new UpdateUser.Command(caller, id, changes, ETags.ifMatch(ctx)));
        ctx.header("ETag", ETags.of(user.version())).json(UserView.of(user));
    }

    private void changePassword(Context ctx) {
        UserId id = PathIds.user(ctx);
        Caller caller = Authentication.caller(ctx);
        Body body = Body.parse(ctx, PASSWORD);
        Validation v = new Validation();
        Password current = ChangePassword.asksForCurrentPassword(caller, id)
                ? v.check(() -> Password.candidate(Password.FIELD, body.text(Password.FIELD)))
                : null;   // an administrator setting another user's
        Password replacement = v.check(() -> Password.newPassword(NEW_PASSWORD, body.text(NEW_PASSWORD)));
        v.done();
        changePassword.handle(new ChangePassword.Command(caller, id, Optional.ofNullable(current), replacement,
                ETags.ifMatch(ctx)));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        UserId id = PathIds.user(ctx);
        Caller caller = Authentication.caller(ctx);
        deleteUser.handle(new DeleteUser.Command(caller, id, ETags.ifMatch(ctx)));
        ctx.status(204);
    }

    private void setAdminRole(Context ctx, boolean admin) {
        setAdminRole.handle(new SetAdminRole.Command(Authentication.caller(ctx), PathIds.user(ctx), admin));
        ctx.status(204);
    }

}
