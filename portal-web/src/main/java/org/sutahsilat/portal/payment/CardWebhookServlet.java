package org.sutahsilat.portal.payment;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.payment.card.IyzicoWebhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** iyzico's webhook (JSON): a bad or missing X-IYZ-SIGNATURE-V3 is 403 and changes nothing; a valid one settles. */
@WebServlet(name = "cardWebhook", urlPatterns = "/odeme/webhook")
public class CardWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 16 * 1024;

    @Inject
    transient CardPaymentService card;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!card.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        IyzicoWebhook.Reply reply = card.webhook(new String(body, StandardCharsets.UTF_8),
                request.getHeader(IyzicoWebhook.SIGNATURE_HEADER), request.getRemoteAddr());
        response.setStatus(reply.httpStatus);
        response.setContentType("application/json");
        response.getWriter().write("{\"result\":\"" + reply.name().toLowerCase() + "\"}");
    }
}
