package org.sutahsilat.admin.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure when the request that creates the session is HTTPS
 * (Payara's default "dynamic" behaviour) or always when MicroProfile Config {@code su.cookie.secure=true}
 * (use that behind a TLS-terminating proxy that talks plain HTTP to Payara). Session timeout and cookie-only
 * tracking are in web.xml.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    public static final String SECURE_PROPERTY = "su.cookie.secure";
    private static final Logger LOG = Logger.getLogger(SessionCookieSetup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        if (forceSecure(ConfigProvider.getConfig().getOptionalValue(SECURE_PROPERTY, String.class))) {
            cookie.setSecure(true);
        }
        LOG.info(() -> "admin session cookie: HttpOnly, SameSite=Lax, Secure=" + (cookie.isSecure() ? "always"
                : "when the request is HTTPS"));
    }

    /** {@code true} forces Secure on every session cookie; anything else keeps "Secure when HTTPS". */
    static boolean forceSecure(Optional<String> configured) {
        return configured.map(String::trim).map(Boolean::parseBoolean).orElse(false);
    }
}
