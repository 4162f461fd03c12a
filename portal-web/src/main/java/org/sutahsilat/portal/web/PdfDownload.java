package org.sutahsilat.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/** How the portal hands out a PDF (a bill, a receipt): inline, named, never cached; its language from {@code ?lang}. */
public final class PdfDownload {

    private PdfDownload() {
    }

    /** {@code ?lang=en}: English; anything else: Turkish. */
    public static Locale language(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("tr");
    }

    public static void send(HttpServletResponse response, byte[] pdf, String fileName) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
