package org.sutahsilat.portal.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The page language of every request, without a session: {@code ?lang=tr|en} (the TR/EN links) chooses it and is
 * remembered in the cookie {@value #COOKIE}; otherwise the cookie; otherwise Turkish. A QR bill page opened from a
 * printed bill therefore creates no session at all (it has no form), so that a crowd of phones costs no memory.
 */
@WebFilter(filterName = "language", urlPatterns = "/*")
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "SU_LANG";
    static final String ATTRIBUTE = "su.portal.locale";
    static final int COOKIE_MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String chosen = request.getParameter(PARAMETER);
        Locale locale;
        if (chosen != null) {
            locale = LocaleBacking.supported(chosen);
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(COOKIE_MAX_AGE);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            response.addCookie(cookie);
        } else {
            locale = LocaleBacking.supported(cookie(request));
        }
        request.setAttribute(ATTRIBUTE, locale);
        chain.doFilter(request, response);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** The language {@link LanguageFilter} chose for the request (Turkish outside a request). */
    public static Locale of(HttpServletRequest request) {
        Object locale = request == null ? null : request.getAttribute(ATTRIBUTE);
        return locale instanceof Locale l ? l : LocaleBacking.TURKISH;
    }
}
