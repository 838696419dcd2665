package org.msapp.adapters.http;

import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses before Javalin sees the request (a malformed header, headers too large, a path
 * it cannot decode) answered as problem details too, on every method, never as Jetty's HTML page,
 * and with the {@link SecurityHeaders} and the {@link RequestIds request id} of every answer. Jetty closes
 * the connection after such an answer; {@code Connection: close} says so, or a client that keeps
 * connections alive sends its next request into the closed one and loses it.
 */
final class JettyProblems extends ErrorHandler {
    /** The paths Jetty gives the request it stands in for a request line it could not make a request of. */
    private static final Set<String> STAND_INS = Set.of("/badMessage", "/badURI");

    /** Jetty writes a body for GET, POST and HEAD only: a malformed DELETE or PATCH got a bare 400. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String path = instance(request);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        SecurityHeaders.putOn(response.getHeaders(), path);
        response.getHeaders().put(RequestIds.HEADER,
                request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id ? id : RequestIds.fresh());
        // a HEAD that Jetty refused while reading its headers would get the body: Jetty drops it only once it has read them
        byte[] body = HttpMethod.HEAD.is(request.getMethod()) ? new byte[0] : problem(code, path);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE));
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        SecurityHeaders.putOn(fields, null);
        fields.put(RequestIds.HEADER, RequestIds.fresh());   // no request was made of it: no id was sent that could be kept
        return ByteBuffer.wrap(problem(status, null));
    }

    /** The path that was sent; none when Jetty could not read a whole target off the request line. */
    static String instance(Request request) {
        String path = request.getHttpURI().getPath();
        if (!STAND_INS.contains(path)) return path;
        return TargetKeepingConnectionFactory.sentPath(request).orElse(null);
    }

    private static byte[] problem(int status, String path) {
        String detail = "the request was refused before it could be read: " + HttpStatus.forStatus(status).getMessage();
        return Problems.body(status, Problems.code(status), detail, path, List.of());
    }
}
