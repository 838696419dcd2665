package org.msapp.application;

import java.time.Duration;
import org.msapp.application.authentication.AuthenticateToken;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.application.authentication.CachedCredentials;
import org.msapp.application.authentication.IssueToken;
import org.msapp.application.authentication.LoginThrottle;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.health.CheckReadiness;
import org.msapp.application.idempotency.RunIdempotently;
import org.msapp.application.order.DeleteOrder;
import org.msapp.application.order.GetOrder;
import org.msapp.application.order.ListAllOrders;
import org.msapp.application.order.ListOrdersOfUser;
import org.msapp.application.order.PlaceOrder;
import org.msapp.application.order.UpdateOrder;
import org.msapp.application.user.BootstrapAdmin;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.FindUserByNickName;
import org.msapp.application.user.GetUser;
import org.msapp.application.user.ListUsers;
import org.msapp.application.user.RegisterUser;
import org.msapp.application.user.SetAdminRole;
import org.msapp.application.user.UpdateUser;

/**
 * Every use case, wired once by {@link #wire}: the service and the tests run the same graph. With them,
 * the cache-aside of the reads and the log-in throttle that several use cases share, whose counts
 * monitoring reads.
 */
public record UseCases(RegisterUser registerUser, AuthenticateUser authenticateUser, IssueToken issueToken,
                       AuthenticateToken authenticateToken, GetUser getUser,
                       FindUserByNickName findUserByNickName, ListUsers listUsers, UpdateUser updateUser,
                       ChangePassword changePassword, DeleteUser deleteUser, PlaceOrder placeOrder, GetOrder getOrder,
                       ListOrdersOfUser listOrdersOfUser, ListAllOrders listAllOrders, UpdateOrder updateOrder,
                       DeleteOrder deleteOrder, SetAdminRole setAdminRole, BootstrapAdmin bootstrapAdmin,
                       RunIdempotently runIdempotently, CheckReadiness checkReadiness,
                       CacheAside cacheAside, LoginThrottle loginThrottle) {

    /**
     * {@code cacheTtl}: of single users and orders; {@code tokenLifetime}: of bearer tokens;
     * {@code cacheShared}: every instance of the service uses the same cache (Redis), so the token path may
     * read credentials through it ({@link CachedCredentials}).
     */
    public record Settings(Duration cacheTtl, Duration tokenLifetime, LoginThrottle.Settings loginThrottle, boolean cacheShared) {
        public Settings(Duration cacheTtl, Duration tokenLifetime, LoginThrottle.Settings loginThrottle) {
            this(cacheTtl, tokenLifetime, loginThrottle, false);
        }
    }

    public static UseCases wire(Ports ports, Settings settings) {
        var p = ports.persistence();
        var cache = new CacheAside(ports.cache(), settings.cacheTtl());
        var credentials = settings.cacheShared() ? CachedCredentials.in(cache) : CachedCredentials.off();
        var throttle = new LoginThrottle(ports.failedLogins(), ports.clock(), settings.loginThrottle());
        var registerUser = new RegisterUser(p, ports.hasher(), ports.ids(), ports.clock());
        var authenticateUser = new AuthenticateUser(p, ports.hasher(), throttle);
        return new UseCases(
                registerUser,
                authenticateUser,
                new IssueToken(authenticateUser, ports.tokens(), ports.ids(), ports.clock(), settings.tokenLifetime()),
                new AuthenticateToken(ports.tokens(), p, credentials),
                new GetUser(p, cache),
                new FindUserByNickName(p),
                new ListUsers(p),
                new UpdateUser(p, cache, credentials, ports.ids(), ports.clock()),
                new ChangePassword(p, ports.hasher(), throttle, cache, credentials, ports.ids(), ports.clock()),
                new DeleteUser(p, cache, credentials, ports.ids(), ports.clock()),
                new PlaceOrder(p, ports.ids(), ports.clock()),
                new GetOrder(p, cache),
                new ListOrdersOfUser(p),
                new ListAllOrders(p),
                new UpdateOrder(p, cache, ports.ids(), ports.clock()),
                new DeleteOrder(p, cache, ports.ids(), ports.clock()),
                new SetAdminRole(p, cache, credentials, ports.ids(), ports.clock()),
                new BootstrapAdmin(p, registerUser),
                new RunIdempotently(p, ports.clock()),
                new CheckReadiness(ports.probes(), ports.clock(), CheckReadiness.Settings.defaults()),
                cache,
                throttle);
    }
}
