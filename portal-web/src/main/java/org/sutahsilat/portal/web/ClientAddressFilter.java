package org.sutahsilat.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client's address behind a reverse proxy. {@code X-Forwarded-For} is believed only when the connection comes
 * from one of the proxies named in {@value #TRUSTED_PROXIES} ({@code SU_PORTAL_TRUSTED_PROXIES}, comma-separated
 * addresses); then the client is the right-most address in the header that is not itself a trusted proxy. Anyone
 * else's header is ignored, so a client cannot choose its own address (and escape the lookup limit). With no
 * trusted proxy configured (the default) the connection's address is the client's.
 */
@WebFilter(filterName = "clientAddress", urlPatterns = "/*")
public class ClientAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String TRUSTED_PROXIES = "su.portal.trusted-proxies";
    static final String HEADER = "X-Forwarded-For";

    private Set<String> trusted = Set.of();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        trusted = parse(ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class).orElse(""));
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String client = resolve(request.getRemoteAddr(), request.getHeaders(HEADER) == null ? List.of()
                : java.util.Collections.list(request.getHeaders(HEADER)), trusted);
        if (client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }

    /** The client address for a connection from {@code peer} carrying these X-Forwarded-For header values. */
    static String resolve(String peer, List<String> forwardedFor, Set<String> trusted) {
        if (trusted.isEmpty() || !trusted.contains(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted.contains(hop)) {
                return isAddress(hop) ? hop : peer;
            }
        }
        return peer;
    }

    /** An IPv4 or IPv6 literal (no names, no ports): anything else in the header is not believed. */
    static boolean isAddress(String s) {
        return s.length() <= 45 && (s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
    }
}
