package org.sutahsilat.admin.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import org.primefaces.application.exceptionhandler.ExceptionInfo;

import java.util.Map;
import java.util.ResourceBundle;

/**
 * error.xhtml: one friendly, translated message for any error; never a stack trace. The error comes either from
 * the servlet container (error dispatch attributes) or from PrimeFaces' exception handler, which redirects JSF
 * exceptions to this page and leaves the exception in the session (taken out here, shown once).
 */
@Named
@RequestScoped
public class ErrorBacking {

    public String getMessage() {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, Object> attrs = ext.getRequestMap();
        Object status = attrs.get(RequestDispatcher.ERROR_STATUS_CODE);
        Object error = attrs.get(RequestDispatcher.ERROR_EXCEPTION);
        if (status == null && error == null && ext.getSession(false) != null
                && ext.getSessionMap().remove(ExceptionInfo.ATTRIBUTE_NAME) instanceof ExceptionInfo info) {
            error = info.getException();
        }
        String key = ErrorMessages.key(status instanceof Integer i ? i : null, error instanceof Throwable t ? t : null);
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Messages.locale());
        return Messages.text(bundle.containsKey(key) ? key : "error.500");
    }
}
