package org.sutahsilat.portal.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.ResourceBundle;

/** Adds translated messages (bundle {@code msg}) to the current page. */
public final class Messages {

    public static final String BUNDLE_VAR = "msg";
    public static final String BUNDLE = "org.sutahsilat.portal.messages";

    private Messages() {
    }

    /** The text of {@code key} in the page's language. */
    public static String text(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, BUNDLE_VAR).getString(key);
    }

    /** A translated error with {@link java.text.MessageFormat} arguments ({0}, {1} …) in the page's language. */
    public static void globalError(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE_VAR).getString(key);
        String text = new java.text.MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public static void globalError(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, BUNDLE_VAR);
        String text = bundle.getString(key);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
