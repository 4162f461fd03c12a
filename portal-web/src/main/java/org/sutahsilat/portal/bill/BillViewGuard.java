package org.sutahsilat.portal.bill;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The bill view is only reached through {@link BillPageServlet}, which checked the token and read the bill; asked
 * for by its own name ({@code /fatura.xhtml}) it is the plain 404 of any missing page.
 */
@WebFilter(filterName = "billViewGuard", urlPatterns = BillPageServlet.VIEW, dispatcherTypes = DispatcherType.REQUEST)
public class BillViewGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
