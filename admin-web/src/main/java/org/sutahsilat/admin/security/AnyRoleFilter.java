package org.sutahsilat.admin.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.filter.authz.AuthorizationFilter;
import org.apache.shiro.web.util.WebUtils;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@code anyRole[A,B]} in shiro.ini: the page is for users with <em>any</em> of the listed roles (Shiro's own
 * {@code roles[A,B]} requires all of them). Placed after {@code authc}, so the user is logged in; another role gets
 * 403, which web.xml turns into the translated error page ("Bu sayfayı görme yetkiniz yok.").
 */
public class AnyRoleFilter extends AuthorizationFilter {

    @Override
    protected boolean isAccessAllowed(ServletRequest request, ServletResponse response, Object mappedValue) {
        return allowed(getSubject(request, response), (String[]) mappedValue);
    }

    static boolean allowed(Subject subject, String[] roles) {
        if (subject == null || subject.getPrincipal() == null) {
            return false;
        }
        return roles != null && Arrays.stream(roles).map(String::trim).filter(r -> !r.isEmpty())
                .anyMatch(subject::hasRole);
    }

    @Override
    protected boolean onAccessDenied(ServletRequest request, ServletResponse response) throws IOException {
        Subject subject = getSubject(request, response);
        if (subject.getPrincipal() == null) {
            saveRequestAndRedirectToLogin(request, response);
        } else {
            WebUtils.toHttp(response).sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return false;
    }
}
