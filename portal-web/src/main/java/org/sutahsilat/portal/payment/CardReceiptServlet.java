package org.sutahsilat.portal.payment;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.portal.lookup.ReceiptServlet;

import java.io.IOException;
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
        ReceiptServlet.send(request, response, receipt.get());
    }
}
