package org.msapp.domain.user;

import java.util.regex.Pattern;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/** At most 50 characters, {@code local@domain.tld}, with no white space. */
public final class Email extends TextValue {
    public static final String FIELD = "email";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern SYNTAX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@" + LABEL + "(?:\\." + LABEL + ")+");

    private Email(String value) {
        super(value);
    }

    public static Email of(String input) {
        String v = Text.trimmedWithin(FIELD, input, 3, 50);
        if (!SYNTAX.matcher(v).matches()) throw new InvalidField(FIELD, "is not a valid email address");
        return new Email(v);
    }

    public static Email stored(String value) {
        return new Email(Text.stored(FIELD, value));
    }
}
