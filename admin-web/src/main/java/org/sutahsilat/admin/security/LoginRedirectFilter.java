package org.sutahsilat.admin.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.shiro.web.filter.authc.PassThruAuthenticationFilter;
import org.apache.shiro.web.util.WebUtils;

import java.nio.charset.StandardCharsets;

/**
 * {@code authc} of this application: an unauthenticated request for anything but the login page is sent to the
 * login page (the original GET is remembered for after login). The login form itself is a JSF page that calls
 * {@code Subject.login}, so the filter lets the login URL through. A JSF AJAX request (session expired) gets a
 * partial-response redirect instead of a 302 that the AJAX client could not follow.
 */
public class LoginRedirectFilter extends PassThruAuthenticationFilter {

    @Override
    protected boolean onAccessDenied(ServletRequest request, ServletResponse response) throws Exception {
        if (isLoginRequest(request, response)) {
            return true;
        }
        HttpServletRequest http = WebUtils.toHttp(request);
        if ("GET".equals(http.getMethod())) {
            saveRequest(request);
        }
        if ("partial/ajax".equals(http.getHeader("Faces-Request"))) {
            HttpServletResponse out = WebUtils.toHttp(response);
            out.setContentType("text/xml");
            out.setCharacterEncoding(StandardCharsets.UTF_8.name());
            out.getWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                    + http.getContextPath() + getLoginUrl() + "\"/></partial-response>");
            return false;
        }
        redirectToLogin(request, response);
        return false;
    }
}
