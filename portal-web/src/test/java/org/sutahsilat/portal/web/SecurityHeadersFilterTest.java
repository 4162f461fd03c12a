package org.sutahsilat.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTest {

    private static HttpServletRequest request(String uri, boolean secure) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/portal";
                    case "isSecure" -> secure;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void pagesGetSecurityHeadersAndAreNeverCached() {
        Map<String, String> headers = new HashMap<>();
        SecurityHeadersFilter.apply(request("/portal/index.xhtml", false), response(headers));
        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Cache-Control", "no-store")
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(headers.get("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void stylesheetsMayBeCachedAndHttpsGetsHsts() {
        Map<String, String> headers = new HashMap<>();
        SecurityHeadersFilter.apply(request("/portal/jakarta.faces.resource/portal.css.xhtml", true), response(headers));
        assertThat(headers).doesNotContainKey("Cache-Control").containsKey("Strict-Transport-Security")
                .containsEntry("X-Content-Type-Options", "nosniff");
    }
}
