package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.msapp.application.concurrency.ExpectedVersion;

/** Entity tags from versions: {@code "3"}. If-Match guards changes (412), If-None-Match saves reads (304). */
final class ETags {
    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions If-Match names: any when it is absent or {@code *}. It uses the strong comparison
     * (RFC 9110 13.1.1), so a weak tag, or one this service never gave out, names no version.
     */
    static ExpectedVersion ifMatch(Context ctx) {
        return ifMatch(ctx.header("If-Match"));
    }

    static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) return ExpectedVersion.any();
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) continue;
            try {
                versions.add(Numerals.parseLong(t.substring(1, t.length() - 1)));
            } catch (NumberFormatException e) {
                // not one of ours: matches nothing
            }
        }
        return ExpectedVersion.oneOf(versions);
    }

    /** Sets the ETag; answers 304 and returns true when the client's copy is current. */
    static boolean notModified(Context ctx, long version) {
        String tag = of(version);
        ctx.header("ETag", tag);
        boolean match = ifNoneMatchHolds(ctx.header("If-None-Match"), version);
        if (match) ctx.status(304);
        return match;
    }

    /** Whether If-None-Match names this version (RFC 9110 13.1.2: the weak comparison, so W/"3" names 3 too). */
    static boolean ifNoneMatchHolds(String header, long version) {
        if (header == null) return false;
        String tag = of(version);
        return Arrays.stream(header.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || ("\"" + bare(t) + "\"").equals(tag));
    }

    private static String bare(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) t = t.substring(2);
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
