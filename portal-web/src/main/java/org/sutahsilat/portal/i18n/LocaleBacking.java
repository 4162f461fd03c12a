package org.sutahsilat.portal.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The subscriber's language: Turkish unless they pick English. Nothing else is kept in the session. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Locale TURKISH = Locale.forLanguageTag("tr");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Locale locale = TURKISH;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public String turkish() {
        return switchTo(TURKISH);
    }

    public String english() {
        return switchTo(ENGLISH);
    }

    /** Only the supported languages; anything else means Turkish. */
    public static Locale supported(String languageTag) {
        return languageTag != null && "en".equals(Locale.forLanguageTag(languageTag).getLanguage()) ? ENGLISH : TURKISH;
    }

    private String switchTo(Locale chosen) {
        locale = supported(chosen.toLanguageTag());
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getViewRoot() != null) {
            context.getViewRoot().setLocale(locale);
        }
        return "/index?faces-redirect=true";
    }
}
