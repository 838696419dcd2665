package org.msapp.domain;

/** The checks that text values share. Lengths count Unicode code points, not UTF-16 units. */
public final class Text {
    private Text() {
    }

    public static String required(String field, String value) {
        if (value == null) throw new InvalidField(field, "is required");
        return value;
    }

    /** Strips surrounding white space, then checks the length and that no control character is left. */
    public static String trimmedWithin(String field, String value, int min, int max) {
        String v = required(field, value).strip();
        return within(field, v, min, max);
    }

    public static String within(String field, String value, int min, int max) {
        int length = required(field, value).codePointCount(0, value.length());
        if (length < min) throw new InvalidField(field, min == 1 ? "must not be blank" : "must be at least " + min + " characters");
        if (length > max) throw new InvalidField(field, "must be at most " + max + " characters");
        if (value.codePoints().anyMatch(Character::isISOControl)) throw new InvalidField(field, "must not contain control characters");
        return value;
    }

    /** For values read back from storage: present, and nothing more is asked of them. */
    public static String stored(String field, String value) {
        if (value == null) throw new IllegalStateException("stored " + field + " is null");
        return value;
    }
}
