package org.msapp.domain.user;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/** 3..50 letters, digits, {@code _ . -}; unique among users whatever its case (see {@link #key()}). */
public final class NickName extends TextValue {
    public static final String FIELD = "nick_name";
    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]+");

    private NickName(String value) {
        super(value);
    }

    public static NickName of(String input) {
        String v = Text.within(FIELD, input, 3, MAX_LENGTH);
        if (!ALLOWED.matcher(v).matches()) throw new InvalidField(FIELD, "may hold only letters, digits, '_', '.' and '-'");
        return new NickName(v);
    }

    /**
     * The nick name to look a user up by, as typed (a stored one may predate today's rules), or empty
     * when no user can hold it (missing, empty, longer than any nick name). Never throws.
     */
    public static Optional<NickName> lookup(String input) {
        if (input == null || input.isEmpty() || input.codePointCount(0, input.length()) > MAX_LENGTH) return Optional.empty();
        return Optional.of(new NickName(input));
    }

    public static NickName stored(String value) {
        return new NickName(Text.stored(FIELD, value));
    }

    /** The form that uniqueness and look-ups compare. */
    public String key() {
        return value().toLowerCase(Locale.ROOT);
    }
}
