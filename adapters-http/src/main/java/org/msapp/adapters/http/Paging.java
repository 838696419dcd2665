package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.msapp.application.paging.Page;

/** Keyset pages: {@code ?limit=&after=}, answered as {@code {"items": [...], "next": url|null}} and a Link header. */
final class Paging {
    private static final String AFTER = "after";

    private Paging() {
    }

    static int limit(Context ctx) {
        return limit(ctx.queryParam(Page.LIMIT));
    }

    /** {@code raw}: the query's {@code limit}, or null when it has none. */
    static int limit(String raw) {
        if (raw == null) return Page.DEFAULT_LIMIT;
        try {
            return Page.checkLimit(Numerals.parseInt(raw));
        } catch (NumberFormatException e) {
            throw BadRequest.field(Page.LIMIT, "must be a whole number");
        }
    }

    /** The key after which the page starts, from an opaque cursor this service gave out. */
    static Optional<Long> after(Context ctx) {
        return after(ctx.queryParam(AFTER));
    }

    static Optional<Long> after(String cursor) {
        if (cursor == null) return Optional.empty();
        try {
            long key = Numerals.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (key > 0) return Optional.of(key);
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw BadRequest.field(AFTER, "is not a cursor that this service gave out");
    }

    static <T> void respond(Context ctx, Page<T> page, int limit, Function<T, Object> view) {
        String next = page.nextAfter().map(key -> ctx.path() + "?" + Page.LIMIT + "=" + limit + "&" + AFTER + "=" + cursor(key)).orElse(null);
        if (next != null) ctx.header("Link", "<" + next + ">; rel=\"next\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(view).toList());
        body.put("next", next);
        ctx.json(body);
    }

    static <T> void respond(Context ctx, List<T> items, Function<T, Object> view) {
        respond(ctx, new Page<>(items, Optional.empty()), items.size(), view);
    }

    static String cursor(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(key).getBytes(StandardCharsets.US_ASCII));
    }
}
