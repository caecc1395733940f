package io.tickstock.app.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The client address a request is counted against (login limits, logs). Directly connected, it is the socket's peer.
 * Behind a proxy every client would share the proxy's address, so a peer listed in {@code TICKSTOCK_TRUSTED_PROXIES}
 * (comma-separated exact addresses, e.g. {@code 127.0.0.1,10.0.0.5}) is replaced by the address it reports in
 * {@code X-Forwarded-For}: the rightmost entry that is not itself a trusted proxy (entries further left are whatever the
 * client sent, and could be forged). A peer not listed is never replaced, whatever the header says. Immutable.
 */
public final class ClientAddress {
    /** Longest entry taken from the header: an IPv6 address with a zone fits. */
    private static final int MAX_ENTRY = 64;

    private final Set<String> trusted;

    /** @param trustedProxies the proxies' exact addresses as their connections show them */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    /**
     * The client's address.
     *
     * @param peer          the connection's remote address
     * @param forwardedFor  the {@code X-Forwarded-For} header, or null
     */
    public String of(String peer, @Nullable String forwardedFor) {
        if (forwardedFor == null || !trusted.contains(peer)) return peer;
        String[] hops = forwardedFor.split(",", -1);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty() || hop.length() > MAX_ENTRY || !hop.matches("[0-9A-Fa-f.:%\\[\\]a-z]+")) return peer;
            if (!trusted.contains(hop)) return hop;
        }
        return peer;
    }
}
