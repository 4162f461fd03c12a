package org.sutahsilat.admin.web;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantScope;
import org.sutahsilat.domain.user.AuthenticatedUser;

import java.io.IOException;

/**
 * Sets the request's {@link TenantContext} (the domain's request-scoped bean) from the logged-in user's scope.
 * Mapped in web.xml after the Shiro filter, so the subject is bound; without a user the scope stays
 * {@link TenantScope#none()} and every repository sees nothing.
 */
public class TenantFilter implements Filter {

    @Inject
    TenantContext tenant;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        tenant.set(CurrentUser.get().map(AuthenticatedUser::scope).orElse(TenantScope.none()));
        chain.doFilter(request, response);
    }
}
