package org.sutahsilat.admin.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;

import java.io.IOException;

/**
 * login.xhtml. The form is a JSF postback (its ViewState is the CSRF token). After a successful login the session
 * id is changed (session fixation) and the user goes to the page first asked for, or the dashboard.
 */
@Named
@RequestScoped
public class LoginBacking {

    private String username;
    private String password;

    public String login() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ext = fc.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        Subject subject = SecurityUtils.getSubject();
        UsernamePasswordToken token = new UsernamePasswordToken(username, password, false, request.getRemoteAddr());
        password = null;
        try {
            subject.login(token);
        } catch (AuthenticationException e) {
            Messages.error(LoginMessages.key(e));
            return null;
        } finally {
            token.clear();
        }
        request.changeSessionId();
        SavedRequest saved = WebUtils.getAndClearSavedRequest(request);
        String target = LoginMessages.safeTarget(ext.getRequestContextPath(),
                saved == null ? null : saved.getRequestUrl());
        ext.redirect(target);
        fc.responseComplete();
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
