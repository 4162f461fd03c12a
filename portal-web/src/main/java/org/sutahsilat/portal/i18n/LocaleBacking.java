package org.sutahsilat.portal.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The subscriber's language, as {@link LanguageFilter} chose it for this request: Turkish unless they pick English.
 * Nothing is kept in a session; the TR/EN switch is a pair of links to the same page with {@code ?lang=}.
 */
@Named
@RequestScoped
public class LocaleBacking {

    public static final Locale TURKISH = Locale.forLanguageTag("tr");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = LanguageFilter.of(request());
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * This page's address in the given language: the same path and query with {@code lang} set. A page that
     * answered a form (a POST) goes back to its empty form, as the statement it showed is not kept anywhere.
     */
    public String switchUrl(String language) {
        return switchUrl(request(), language);
    }

    public static String switchUrl(HttpServletRequest request, String language) {
        String lang = LanguageFilter.PARAMETER + "=" + supported(language).getLanguage();
        if (request == null || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // an error page: the start page in the other language
            return (request == null ? "" : request.getContextPath()) + "/?" + lang;
        }
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded instanceof String s ? s : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
        if (!"GET".equals(request.getMethod())) {
            query = null;
        }
        // never "//host/...": that would be a link to another site
        return path.replaceFirst("^/+", "/") + "?" + withLanguage(query, lang);
    }

    /** The query string with any {@code lang} parameter replaced by the given one (placed last). */
    static String withLanguage(String query, String lang) {
        StringBuilder out = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty() || pair.equals(LanguageFilter.PARAMETER)
                        || pair.startsWith(LanguageFilter.PARAMETER + "=")) {
                    continue;
                }
                out.append(pair).append('&');
            }
        }
        return out.append(lang).toString();
    }

    /** Only the supported languages; anything else means Turkish. */
    public static Locale supported(String languageTag) {
        return languageTag != null && "en".equals(Locale.forLanguageTag(languageTag).getLanguage()) ? ENGLISH : TURKISH;
    }

    private static HttpServletRequest request() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? null : (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}
