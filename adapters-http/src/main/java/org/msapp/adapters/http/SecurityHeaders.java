package org.msapp.adapters.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every answer tells the browser about itself: {@code X-Content-Type-Options: nosniff} on all,
 * and {@code Cache-Control: no-store} on all but the documentation (the page, the document and Swagger
 * UI's files), since everything else is a user, an order, a token, a problem that may be about
 * credentials, or a state that is only true now. Put on the response before the request goes on, so
 * that whatever answers it (a route, a static file, Javalin's or Jetty's error handling) keeps them;
 * {@link JettyProblems} puts them on what Jetty refuses before there is a request.
 */
final class SecurityHeaders extends Handler.Wrapper {
    private static final String WEBJARS = "/webjars/";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        putOn(response.getHeaders(), Request.getPathInContext(request));
        return super.handle(request, response, callback);
    }

    /** The headers of an answer to {@code path}; null when no path could be read off the request. */
    static void putOn(HttpFields.Mutable headers, String path) {
        headers.put("X-Content-Type-Options", "nosniff");
        if (!documentation(path)) headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private static boolean documentation(String path) {
        return path != null && (path.equals(DocsRoutes.PAGE_PATH) || path.equals(DocsRoutes.DOCUMENT_PATH) || path.startsWith(WEBJARS));
    }
}
