package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that its answer did not need (refused before it was read: 401, 405, 413, 415, ...)
 * is read and dropped before the answer goes. Left unread, it makes the connection's close a reset,
 * which takes the answer with it: the client sees a broken connection instead of the problem. Up to
 * {@link #MOST_DRAINED} bytes are read; past them the connection is closed, and the answer says so.
 */
final class UnreadBodies {
    static final long MOST_DRAINED = 1024 * 1024;

    private UnreadBodies() {
    }

    static void drain(Context ctx) {
        if (!HttpServer.hasBody(ctx)) return;
        if (ctx.req().getContentLengthLong() > MOST_DRAINED) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream body = ctx.req().getInputStream();
            byte[] sink = new byte[8192];
            long read = 0;
            for (int n; read <= MOST_DRAINED && (n = body.read(sink)) >= 0; ) read += n;
            if (read > MOST_DRAINED) ctx.header("Connection", "close");
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close");   // the client went, or the body was taken as a reader: nothing more to read here
        }
    }
}
