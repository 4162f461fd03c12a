package org.sutahsilat.admin.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sutahsilat.domain.billing.BillDirectory;
import org.sutahsilat.domain.document.BillDocument;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.infrastructure.pdf.BillPdfRenderer;

import java.io.IOException;

/**
 * Printed bills as PDF: {@code bills/pdf?id=N} one bill ({@code fatura-<bill no>.pdf}), {@code bills/pdf?run=N}
 * every bill of a billing run as one PDF in number order. Behind the Shiro login like every page; the domain applies
 * the user's tenant scope, so another institution's bill or run is "not found" (404). A run's bills are read from the
 * database slice by slice while the PDF is drawn (pages cached in temporary files), then written to the response.
 * Bills print in Turkish, the language of their lines.
 */
@WebServlet(urlPatterns = "/bills/pdf")
public class BillPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BillDirectory bills;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long billId = id(request.getParameter("id"));
        Long runId = id(request.getParameter("run"));
        if ((billId == null) == (runId == null)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        BillPdfRenderer renderer = BillPdfRenderer.turkish();
        try {
            if (billId != null) {
                BillDocument bill = bills.document(billId);
                byte[] pdf = renderer.render(bill);
                headers(response, "fatura-" + bill.billNo() + ".pdf");
                response.setContentLength(pdf.length);
                response.getOutputStream().write(pdf);
            } else {
                Iterable<BillDocument> documents = bills.documentsOfRun(runId);
                headers(response, "faturalar-" + runId + ".pdf");
                renderer.renderBatch(documents, response.getOutputStream());
            }
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void headers(HttpServletResponse response, String fileName) {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    private static Long id(String value) {
        if (value == null || value.isBlank() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(value);
    }
}
