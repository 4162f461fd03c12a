package org.sutahsilat.portal.bill;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.PortalLookupService;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.document.BillDocumentFactory;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.infrastructure.pdf.BillPdfRenderer;
import org.sutahsilat.portal.web.PdfDownload;

import java.io.IOException;
import java.util.Optional;

/**
 * The address printed as a bill's QR code, {@code /fatura/<signed bill token>}: forwards to the bill's page
 * ({@code fatura.xhtml}); {@code /fatura/<token>/pdf} is that bill's PDF (Turkish, {@code ?lang=en} English).
 * A tampered or unknown token is the plain 404 of any missing page.
 */
@WebServlet(name = "billPage", urlPatterns = "/fatura/*")
public class BillPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String TOKEN_ATTRIBUTE = "su.portal.billToken";
    static final String PAGE_ATTRIBUTE = "su.portal.qrBill";
    /** The view; requested directly (not through this servlet) it is a 404, see {@link BillViewGuard}. */
    static final String VIEW = "/fatura.xhtml";

    @Inject
    transient PortalTokens tokens;

    @Inject
    transient PortalLookupService portal;

    @Inject
    transient BillDirectory bills;

    @Inject
    transient QrBillService qrBills;

    /** A bill's PDF for its signed token, relative to the portal ({@code ?lang=en} for English). */
    public static String pdfUrl(String token, boolean english) {
        return BillDocumentFactory.BILL_PAGE_PATH + token + "/pdf" + (english ? "?lang=en" : "");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        boolean pdf = path.endsWith("/pdf");
        String token = pdf ? path.substring(0, path.length() - "/pdf".length()) : path;
        Optional<PortalTokens.BillRef> ref = tokens.verifyBill(token);
        if (ref.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!pdf) {
            // read here, in one transaction, so that the page only renders (and a missing bill is a plain 404)
            Optional<QrBillService.QrBill> page = qrBills.page(ref.get().institutionId(), ref.get().billId());
            if (page.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            request.setAttribute(TOKEN_ATTRIBUTE, token);
            request.setAttribute(PAGE_ATTRIBUTE, page.get());
            request.getRequestDispatcher(VIEW).forward(request, response);
            return;
        }
        // the same checks as the page (active institution, bill in force), which also narrow the tenant scope
        if (portal.bill(ref.get().institutionId(), ref.get().billId()).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        BillDocument document;
        try {
            document = bills.document(ref.get().billId());
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PdfDownload.send(response, new BillPdfRenderer(PdfDownload.language(request)).render(document),
                "fatura-" + document.billNo() + ".pdf");
    }
}
