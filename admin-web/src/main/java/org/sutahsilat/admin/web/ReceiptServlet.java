package org.sutahsilat.admin.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.admin.ui.LocaleBacking;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.infrastructure.pdf.ReceiptPdfRenderer;

import java.io.IOException;
import java.util.Locale;

/**
 * {@code GET /receipt?payment=ID[&lang=tr|en]}: the receipt of a payment as a PDF, in the session's language unless
 * {@code lang} says otherwise. Behind Shiro's login like every page; the payment is looked up within the request's
 * tenant scope, so another institution's payment (or a malformed id) is a 404.
 */
@WebServlet("/receipt")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PaymentService paymentService;
    @Inject
    transient LocaleBacking localeBacking;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long paymentId;
        try {
            paymentId = Long.parseLong(request.getParameter("payment"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ReceiptDocument receipt;
        try {
            receipt = paymentService.receipt(paymentId);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String lang = request.getParameter("lang");
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : "tr".equals(lang) ? LocaleBacking.TURKISH
                : localeBacking.getLocale();
        byte[] pdf = new ReceiptPdfRenderer(locale).render(receipt);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + receipt.receiptNo() + ".pdf\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
