package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.OptionalLong;

/** Entity tags from versions: {@code "3"}. If-Match guards changes (412), If-None-Match saves reads (304). */
final class ETags {
    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match names; empty when absent or {@code *}; 0 (never a version) when unreadable. */
    static OptionalLong ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(bare(header.split(",")[0])));
        } catch (NumberFormatException e) {
            return OptionalLong.of(0);
        }
    }

    /** Sets the ETag; answers 304 and returns true when the client's copy is current. */
    static boolean notModified(Context ctx, long version) {
        String tag = of(version);
        ctx.header("ETag", tag);
        String header = ctx.header("If-None-Match");
        if (header == null) return false;
        boolean match = Arrays.stream(header.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || ("\"" + bare(t) + "\"").equals(tag));
        if (match) ctx.status(304);
        return match;
    }

    private static String bare(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) t = t.substring(2);
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
