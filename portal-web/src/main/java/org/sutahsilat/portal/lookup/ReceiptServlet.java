package org.sutahsilat.portal.lookup;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.billing.PortalLookupService;
import org.sutahsilat.domain.document.ReceiptDocument;
import org.sutahsilat.domain.payment.PaymentService;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.infrastructure.pdf.ReceiptPdfRenderer;
import org.sutahsilat.portal.web.PdfDownload;

import java.io.IOException;
import java.util.Optional;

/**
 * A receipt's PDF from the statement: {@code /makbuz?t=<access token>&p=<payment id>}. The signed access token names
 * the subscriber the lookup proved; a payment that is not that subscriber's, an expired or changed token, or a
 * malformed id is the plain 404 of any missing page.
 */
@WebServlet(name = "receipt", urlPatterns = ReceiptServlet.PATH)
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/makbuz";

    @Inject
    transient PortalTokens tokens;

    @Inject
    transient PortalLookupService portal;

    @Inject
    transient PaymentService payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalTokens.Access> access = tokens.verifyAccess(request.getParameter("t"));
        long paymentId = parse(request.getParameter("p"));
        Optional<ReceiptDocument> receipt = access.filter(a -> paymentId > 0 && portal.enter(a.institutionId()))
                .flatMap(a -> payments.receiptOf(a.institutionId(), a.subscriberId(), paymentId));
        if (receipt.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(request, response, receipt.get());
    }

    /** Writes a receipt's PDF ({@code ?lang=en}: English, else Turkish), never cached. */
    public static void send(HttpServletRequest request, HttpServletResponse response, ReceiptDocument receipt)
            throws IOException {
        PdfDownload.send(response, new ReceiptPdfRenderer(PdfDownload.language(request)).render(receipt),
                "makbuz-" + receipt.receiptNo() + ".pdf");
    }

    private static long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(id);
    }
}
