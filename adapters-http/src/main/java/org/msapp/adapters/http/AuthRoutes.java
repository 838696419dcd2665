package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.application.authentication.IssueToken;
import org.msapp.domain.Text;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;

/** POST /auth/token: credentials, checked once, for a short-lived bearer token. */
final class AuthRoutes {
    private static final Set<String> FIELDS = Set.of(NickName.FIELD, Password.FIELD);

    record TokenView(String accessToken, String tokenType, long expiresIn) {
    }

    private final IssueToken issueToken;
    private final TrustedProxies proxies;

    AuthRoutes(IssueToken issueToken, TrustedProxies proxies) {
        this.issueToken = issueToken;
        this.proxies = proxies;
    }

    void register(RoutesConfig routes) {
        routes.post("/auth/token", this::token);
    }

    /** HTTP Basic credentials, or a JSON body with nick_name and password. */
    private void token(Context ctx) {
        AuthenticateUser.Command credentials = Authentication.basic(ctx, proxies).orElseGet(() -> {
            Body body = Body.parse(ctx, FIELDS);
            Validation v = new Validation();
            String nickName = v.check(() -> Text.required(NickName.FIELD, body.text(NickName.FIELD)));
            Password password = v.check(() -> Password.candidate(Password.FIELD, body.text(Password.FIELD)));
            v.done();
            return new AuthenticateUser.Command(nickName, password, proxies.clientAddress(ctx));
        });
        IssueToken.IssuedToken token = issueToken.handle(credentials);
        ctx.json(new TokenView(token.accessToken(), token.tokenType(), token.expiresIn()));
    }
}
