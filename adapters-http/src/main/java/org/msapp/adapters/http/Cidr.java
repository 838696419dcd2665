package org.msapp.adapters.http;

import java.net.InetAddress;

/** A range of IP addresses written as {@code address/prefix-length}, or one address alone. */
final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException naming {@code text} when it is no range, or sets bits past its prefix */
    static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? t : t.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an address or a range such as 10.0.0.0/8 or fd00::/8"));
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(text, t.substring(slash + 1), bits);
        for (int i = prefix; i < bits; i++) {
            if (bit(bytes, i)) {
                throw new IllegalArgumentException("'" + text + "' sets address bits past its /" + prefix + ": write the range's first address");
            }
        }
        return new Cidr(bytes, prefix, t);
    }

    private static int prefixLength(String text, String digits, int bits) {
        if (digits.matches("\\d{1,3}")) {
            int n = Integer.parseInt(digits);
            if (n <= bits) return n;
        }
        throw new IllegalArgumentException("'" + text + "' needs a prefix length from 0 to " + bits);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) return false;
        for (int i = 0; i < prefixLength; i++) {
            if (bit(bytes, i) != bit(network, i)) return false;
        }
        return true;
    }

    private static boolean bit(byte[] bytes, int i) {
        return (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
