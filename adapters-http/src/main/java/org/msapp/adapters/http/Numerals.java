package org.msapp.adapters.http;

/**
 * Whole numbers as clients write them in paths, queries and headers: an optional minus and ASCII
 * digits. {@link Long#parseLong} takes more: a plus sign, and the digits of every script (so
 * {@code /users/１}, with a fullwidth one, would name user 1); those are not numbers here.
 */
final class Numerals {
    private Numerals() {
    }

    /** @throws NumberFormatException unless {@code text} is an optional minus and 1 to 19 ASCII digits within a long */
    static long parseLong(String text) {
        int digits = text.startsWith("-") ? text.length() - 1 : text.length();
        if (digits < 1 || digits > 19) throw new NumberFormatException("not a whole number");
        for (int i = text.length() - digits; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException("not a whole number");
        }
        return Long.parseLong(text);
    }

    /** @throws NumberFormatException as {@link #parseLong}, and when the number is beyond an int */
    static int parseInt(String text) {
        long value = parseLong(text);
        if (value != (int) value) throw new NumberFormatException("beyond an int");
        return (int) value;
    }
}
