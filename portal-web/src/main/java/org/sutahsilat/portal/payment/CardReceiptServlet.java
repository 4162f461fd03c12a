package org.sutahsilat.portal.payment;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.infrastructure.pdf.ReceiptPdfRenderer;
import org.sutahsilat.payment.card.CardPaymentService;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The receipt PDF of a card payment, reached only through the attempt's own reference (128 random bits, known to
 * the subscriber's browser): another subscriber's receipt cannot be guessed.
 */
@WebServlet(name = "cardReceipt", urlPatterns = "/odeme/makbuz")
public class CardReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CardPaymentService card;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReceiptDocument> receipt = card.attempt(request.getParameter("ref")).flatMap(card::receipt);
        if (receipt.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Locale language = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("tr");
        byte[] pdf = new ReceiptPdfRenderer(language).render(receipt.get());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"makbuz-" + receipt.get().receiptNo() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
