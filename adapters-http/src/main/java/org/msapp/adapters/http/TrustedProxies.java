package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies in front of the service (address ranges), and so the address a request comes from:
 * the peer's, or, when the peer is one of them, the right-most {@code X-Forwarded-For} hop that is
 * not. Hops to the left of that one are the client's to write, and are never believed.
 */
public final class TrustedProxies {
    private static final Pattern IPV4_AND_PORT = Pattern.compile("(\\d[\\d.]*):\\d+");
    private static final Pattern BRACKETED_AND_PORT = Pattern.compile("(\\[[^]]*]):\\d+");

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Comma-separated ranges ({@code 10.0.0.0/8, fd00::/8}) or single addresses; blank for none.
     *
     * @throws IllegalArgumentException naming the first that is neither
     */
    public static TrustedProxies parse(String commaSeparated) {
        return new TrustedProxies(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList());
    }

    /** The address {@code ctx}'s request comes from, as {@link #clientAddress(String, List)} tells it. */
    String clientAddress(Context ctx) {
        var headers = ctx.req().getHeaders("X-Forwarded-For");
        return clientAddress(ctx.req().getRemoteAddr(), headers == null ? List.of() : Collections.list(headers));
    }

    /**
     * The address of the client: {@code peer}, the socket's other end, unless it is a trusted proxy;
     * then, reading the hops of {@code forwardedFor} (each header a comma-separated list, oldest hop
     * first) from the right, the first that is not a trusted proxy; when a hop names no address, the
     * trusted one that wrote it; when all are trusted, the left-most.
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = IpAddresses.parse(peer);
        if (peerAddress.isEmpty()) return peer;
        InetAddress client = peerAddress.get();
        if (!trusts(client)) return client.getHostAddress();
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) hops.addAll(Arrays.asList(header.split(",")));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = hopAddress(hops.get(i));
            if (hop.isEmpty()) break;
            client = hop.get();
            if (!trusts(client)) break;
        }
        return client.getHostAddress();
    }

    private boolean trusts(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    /** A hop as proxies write it: an address, perhaps with a port ({@code 192.0.2.7:4711}, {@code [2001:db8::7]:4711}). */
    private static Optional<InetAddress> hopAddress(String hop) {
        String h = hop.strip();
        var v4 = IPV4_AND_PORT.matcher(h);
        if (v4.matches()) h = v4.group(1);
        var bracketed = BRACKETED_AND_PORT.matcher(h);
        if (bracketed.matches()) h = bracketed.group(1);
        return IpAddresses.parse(h);
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.toString();
    }
}
