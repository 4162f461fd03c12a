package org.sutahsilat.portal.payment;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.payment.card.DeliveryChannel;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The card callback: iyzico posts the form field {@code token} to {@code /odeme/donus?ref=<our reference>}. The token
 * is settled (retrieved from the gateway, never trusted as posted), then 303 to the result page of the attempt the
 * URL names; the result page shows what the attempt really is (a forged token changes nothing there).
 */
@WebServlet(name = "cardCallback", urlPatterns = CardPaymentService.CALLBACK_PATH)
public class CardCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CardPaymentService card;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reference = request.getParameter("ref");
        String token = request.getParameter("token");
        if (card.enabled()) {
            try {
                card.settle(token, DeliveryChannel.CALLBACK, reference == null ? "" : reference,
                        request.getRemoteAddr());
            } catch (DomainException e) {
                // the result page tells the subscriber; reconciliation settles what could not be settled now
                log("card callback not settled: " + e.messageKey());
            }
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/odeme/sonuc.xhtml?ref="
                + URLEncoder.encode(reference == null ? "" : reference, StandardCharsets.UTF_8));
    }
}
