package org.sutahsilat.admin.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/**
 * The language of the session: Turkish by default, English on request (the header's TR/EN switch). Until the
 * user chooses, the browser's Accept-Language among the supported locales decides (faces-config: tr default, en);
 * without that header, Turkish.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale TURKISH = Locale.forLanguageTag("tr");

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc == null || fc.getExternalContext().getRequestHeaderMap().get("Accept-Language") == null) {
            // without the header the container reports its own default locale: do not let that pick English
            return TURKISH;
        }
        return fc.getApplication().getViewHandler().calculateLocale(fc);
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and reloads the page by GET (same view, same view parameters). */
    public String use(String language) {
        chosen = supported(language);
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    static Locale supported(String language) {
        return "en".equals(language) ? Locale.ENGLISH : TURKISH;
    }
}
