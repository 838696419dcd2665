package org.msapp.domain.user;

import java.util.regex.Pattern;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/** At most 50 characters: digits with an optional leading {@code +}, spaces, dashes and parentheses. */
public final class PhoneNumber extends TextValue {
    public static final String FIELD = "phone_number";
    private static final Pattern SYNTAX = Pattern.compile("\\+?[0-9 ()-]*[0-9][0-9 ()-]*");

    private PhoneNumber(String value) {
        super(value);
    }

    public static PhoneNumber of(String input) {
        String v = Text.trimmedWithin(FIELD, input, 1, 50);
        if (!SYNTAX.matcher(v).matches()) {
            throw new InvalidField(FIELD, "may hold only digits, an optional leading '+', spaces, dashes and parentheses");
        }
        return new PhoneNumber(v);
    }

    public static PhoneNumber stored(String value) {
        return new PhoneNumber(Text.stored(FIELD, value));
    }
}
