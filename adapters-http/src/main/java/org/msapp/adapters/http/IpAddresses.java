package org.msapp.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses written as literals: dotted IPv4 ({@code 192.0.2.7}), IPv6 ({@code 2001:db8::7}, in
 * brackets or not). Read without ever asking DNS, which {@link InetAddress#getByName} does for
 * anything it does not take for a literal.
 */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** The address {@code text} writes, or empty when it is not an address literal. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) literal = literal.substring(1, literal.length() - 1);
        var v4 = IPV4.matcher(literal);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(v4.group(i + 1));
                if (part > 255) return Optional.empty();
                bytes[i] = (byte) part;
            }
            return Optional.of(byAddress(bytes));
        }
        if (!IPV6.matcher(literal).matches()) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(literal));   // hex or ':' first, a ':' within: never looked up
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
