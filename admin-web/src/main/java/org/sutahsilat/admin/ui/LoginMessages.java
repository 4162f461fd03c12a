package org.sutahsilat.admin.ui;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.LockedAccountException;

/** What a failed login tells the user, and where a successful one goes. */
public final class LoginMessages {

    public static final String HOME = "/index.xhtml";

    private LoginMessages() {
    }

    /** Unknown user and wrong password give the same key: the page never tells whether a user exists. */
    public static String key(AuthenticationException e) {
        if (e instanceof LockedAccountException) {
            return "login.locked";
        }
        if (e instanceof DisabledAccountException) {
            return "login.disabled";
        }
        return "login.invalid";
    }

    /** The saved URL if it is a path inside this application, else the dashboard (no open redirect). */
    public static String safeTarget(String contextPath, String savedUrl) {
        String home = contextPath + HOME;
        if (savedUrl == null || !savedUrl.startsWith(contextPath + "/") || savedUrl.startsWith("//")
                || savedUrl.contains("\\") || savedUrl.contains("\r") || savedUrl.contains("\n")
                || savedUrl.startsWith(contextPath + "/jakarta.faces.resource/")) {
            return home;
        }
        return savedUrl;
    }
}
