package org.msapp.adapters.http;

import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, each keeping the target of the request line it is reading, as sent.
 * When Jetty cannot make a request of a line (a path it cannot decode, such as {@code /users/%zz}),
 * it hands its error handler a stand-in request for {@code /badMessage}; {@link JettyProblems} then
 * names the path that was sent instead. Jetty offers no other way to it: the stand-in is made in
 * {@link HttpConnection}'s request handler, which this factory extends.
 */
final class TargetKeepingConnectionFactory extends HttpConnectionFactory {
    private static final String TARGET = TargetKeepingConnectionFactory.class.getName() + ".target";

    TargetKeepingConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        var connection = new TargetKeepingConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** The path of the target sent on the request line of {@code request}, when the line held a whole one. */
    static Optional<String> sentPath(Request request) {
        return Optional.ofNullable(request.getConnectionMetaData().getAttribute(TARGET)).map(target -> pathOf((String) target));
    }

    /** The path of a request target: {@code /a/b?q} and {@code http://host/a/b?q} are both {@code /a/b}; {@code *} is itself. */
    static String pathOf(String target) {
        String path = target;
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : target.substring(slash);
        }
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) end = at;
        }
        return path.substring(0, end);
    }

    private static final class TargetKeepingConnection extends HttpConnection {
        TargetKeepingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void messageBegin() {
                    removeAttribute(TARGET);
                    super.messageBegin();
                }

                @Override
                public void startRequest(String method, String target, HttpVersion version) {
                    setAttribute(TARGET, target);
                    super.startRequest(method, target, version);
                }
            };
        }
    }
}
