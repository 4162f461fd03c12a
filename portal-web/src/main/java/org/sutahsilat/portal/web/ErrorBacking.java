package org.sutahsilat.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

import java.util.Map;

/** The one error page (404, 500, expired view, anything else): a translated sentence, no stack trace. */
@Named("errorPage")
@RequestScoped
public class ErrorBacking {

    public String getMessageKey() {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        return ErrorKind.of(request.get(RequestDispatcher.ERROR_STATUS_CODE),
                request.get(RequestDispatcher.ERROR_EXCEPTION)).messageKey();
    }
}
