package org.sutahsilat.portal.bill;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.document.BillDocumentFactory;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.domain.security.PortalTokens;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.infrastructure.pdf.BillPdfRenderer;
import org.sutahsilat.payment.card.CardPaymentService;
import org.sutahsilat.portal.i18n.LanguageFilter;
import org.sutahsilat.portal.i18n.LocaleBacking;
import org.sutahsilat.portal.lookup.PortalFormat;
import org.sutahsilat.portal.payment.CardPayBacking;
import org.sutahsilat.portal.web.PdfDownload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The address printed as a bill's QR code, {@code /fatura/<signed bill token>}: that one bill's page
 * ({@link QrBillPage}); {@code /fatura/<token>/pdf} is that bill's PDF (Turkish, {@code ?lang=en} English).
 * A tampered or unknown token is the plain 404 of any missing page.
 */
@WebServlet(name = "billPage", urlPatterns = "/fatura/*")
public class BillPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PortalTokens tokens;

    @Inject
    transient BillDirectory bills;

    @Inject
    transient QrBillService qrBills;

    @Inject
    transient CardPaymentService card;

    @Inject
    transient Clock clock;

    /**
     * The bill's page: read in one transaction ({@link QrBillService}), then written by {@link QrBillPage} without
     * the Faces lifecycle. It has no form and needs no session; a missing bill is a plain 404.
     */
    private void page(HttpServletRequest request, HttpServletResponse response, PortalTokens.BillRef ref,
                      String token) throws IOException {
        Optional<QrBillService.QrBill> page = qrBills.page(ref.institutionId(), ref.billId());
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PortalBill bill = page.get().bill();
        Locale language = LanguageFilter.of(request);
        String payUrl = bill.balance().isOpen() && card.enabled()
                ? CardPayBacking.url(tokens.access(bill.institutionId(), bill.subscriberId(),
                CardPayBacking.ACCESS_LIFETIME))
                : null;
        String html = new QrBillPage(language, request.getContextPath(), LocaleBacking.switchUrl(request, "tr"),
                LocaleBacking.switchUrl(request, "en"))
                .render(page.get(), PortalFormat.today(clock), pdfUrl(token, "en".equals(language.getLanguage())),
                        payUrl);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A bill's PDF for its signed token, relative to the portal ({@code ?lang=en} for English). */
    public static String pdfUrl(String token, boolean english) {
        return BillDocumentFactory.BILL_PAGE_PATH + token + "/pdf" + (english ? "?lang=en" : "");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        boolean pdf = path.endsWith("/pdf");
        String token = pdf ? path.substring(0, path.length() - "/pdf".length()) : path;
        Optional<PortalTokens.BillRef> ref = tokens.verifyBill(token);
        if (ref.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!pdf) {
            page(request, response, ref.get(), token);
            return;
        }
        // the same checks as the page (active institution, bill in force), which also narrow the tenant scope
        if (qrBills.bill(ref.get().institutionId(), ref.get().billId()).isEmpty()) {
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
