package org.msapp.domain.user;

import java.util.regex.Pattern;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/**
 * A Brazilian taxpayer number: 11 digits whose last two are check digits. Accepted bare or formatted
 * ({@code 123.456.789-09}), kept as digits. Shown to clients only {@link #masked()}.
 */
public final class Cpf extends TextValue {
    public static final String FIELD = "cpf";
    private static final Pattern FORMAT = Pattern.compile("\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}");

    private Cpf(String digits) {
        super(digits);
    }

    public static Cpf of(String input) {
        String v = Text.required(FIELD, input).strip();
        if (!FORMAT.matcher(v).matches()) throw new InvalidField(FIELD, "must be 11 digits, optionally formatted as 123.456.789-09");
        String digits = v.replaceAll("[.-]", "");
        if (digits.chars().distinct().count() == 1 || !hasValidCheckDigits(digits)) {
            throw new InvalidField(FIELD, "is not a valid CPF");
        }
        return new Cpf(digits);
    }

    public static Cpf stored(String value) {
        return new Cpf(Text.stored(FIELD, value));
    }

    public String digits() {
        return value();
    }

    /** {@code ***.456.789-**}; a stored value that is not 11 characters long is hidden whole. */
    public String masked() {
        String d = value();
        return d.length() == 11 ? "***." + d.substring(3, 6) + "." + d.substring(6, 9) + "-**" : "***.***.***-**";
    }

    @Override
    public String toString() {
        return masked();
    }

    private static boolean hasValidCheckDigits(String digits) {
        return checkDigit(digits, 9) == digits.charAt(9) - '0' && checkDigit(digits, 10) == digits.charAt(10) - '0';
    }

    private static int checkDigit(String digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) sum += (digits.charAt(i) - '0') * (count + 1 - i);
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
