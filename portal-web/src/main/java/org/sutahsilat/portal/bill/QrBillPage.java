package org.sutahsilat.portal.bill;

import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.billing.PortalBill;
import org.sutahsilat.domain.payment.QrBillService;
import org.sutahsilat.portal.i18n.Messages;
import org.sutahsilat.portal.lookup.PortalFormat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The HTML of the page a printed bill's QR code opens. It is the busiest public page (a whole village may scan its
 * bills the evening they arrive) and it has no form, so it is written here, without the Faces lifecycle, from the
 * same message bundle ({@link Messages#BUNDLE}), the same formats ({@link PortalFormat}) and the same markup as the
 * Faces pages (the chrome of {@code WEB-INF/templates/portal.xhtml}: keep the two alike). Every text is escaped.
 *
 * @param language    the page's language (Turkish or English, as {@code LanguageFilter} chose it)
 * @param contextPath the portal's context path ("" at the root)
 * @param switchTr    this page's address in Turkish (the TR link)
 * @param switchEn    this page's address in English (the EN link)
 */
record QrBillPage(Locale language, String contextPath, String switchTr, String switchEn) {

    /** The Faces resource address of the portal's stylesheet, as {@code h:outputStylesheet} writes it. */
    static final String STYLESHEET = "/jakarta.faces.resource/portal.css.xhtml";

    /**
     * The page of one bill.
     *
     * @param page   the bill and the surcharge due on it today
     * @param today  today in Türkiye (a bill is overdue the day after its due date)
     * @param pdfUrl the bill's PDF, relative to the portal
     * @param payUrl the card payment page, relative to the portal; null when there is nothing to pay by card
     */
    String render(QrBillService.QrBill page, LocalDate today, String pdfUrl, String payUrl) {
        ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, language);
        PortalFormat format = new PortalFormat(language);
        PortalBill bill = page.bill();
        BillBalance balance = bill.balance();
        boolean open = balance.isOpen();
        boolean overdue = open && balance.dueDate().isBefore(today);
        Html h = new Html(msg, 6_000);

        head(h, msg.getString("bill.title"), bill.institutionName());
        h.raw("""
                    <section class="result" aria-labelledby="bill-title">
                      <h1 id="bill-title">""").msg("bill.title").raw("""
                </h1>
                      <dl class="card facts">
                        <div><dt>""").msg("result.subscriberNo").raw("</dt><dd id=\"bill-subscriber\">")
                .text(bill.subscriberNo()).raw("</dd></div>\n        <div><dt>").msg("result.name")
                .raw("</dt><dd class=\"masked-name\">").text(bill.maskedName()).raw("""
                </dd></div>
                      </dl>

                      <div class="card bill""").raw(overdue ? " is-overdue" : "").raw("""
                " id="bill">
                        <div class="bill-head">
                          <span class="bill-period">""").text(format.period(balance.period())).raw("</span>");
        if (overdue) {
            h.raw("<span class=\"badge overdue\">").msg("result.overdue").raw("</span>");
        }
        if (!open) {
            h.raw("<span class=\"badge paid\" id=\"bill-paid\">").msg("bill.paid").raw("</span>");
        }
        h.raw("\n        </div>\n        <dl class=\"bill-facts\">\n");
        fact(h, "result.billNo", "bill-no", balance.billNo());
        fact(h, "result.dueDate", null, format.date(balance.dueDate()));
        fact(h, "result.consumption", null, balance.consumptionM3() + " m³");
        fact(h, "result.amount", null, format.money(balance.total()));
        if (open) {
            fact(h, "result.open", "bill-open", format.money(balance.open()));
        }
        if (page.surchargeDue().isPositive()) {
            fact(h, "card.pay.surcharge", "bill-surcharge", format.money(page.surchargeDue()));
        }
        h.raw("        </dl>\n      </div>\n");
        if (open) {
            h.raw("""
                          <p class="card total">
                            <span class="total-label">""").msg("bill.toPayToday").raw("""
                </span>
                            <strong class="total-amount" id="bill-to-pay">""").text(format.money(page.toPay()))
                    .raw("</strong>\n      </p>\n");
        }
        if (payUrl != null) {
            h.raw("      <a class=\"btn primary\" id=\"pay\" href=\"").text(contextPath + payUrl).raw("\">")
                    .msg("card.pay.link").raw("</a>\n");
        }
        h.raw("      <a class=\"btn secondary\" id=\"bill-pdf\" href=\"").text(contextPath + pdfUrl).raw("\">")
                .msg("bill.pdf").raw("</a>\n      <p class=\"hint\">").msg("bill.onlyThisBill")
                .raw("</p>\n      <a class=\"btn secondary\" href=\"").text(contextPath + "/").raw("\">")
                .msg("result.newLookup").raw("</a>\n    </section>\n");
        foot(h);
        return h.toString();
    }

    private static void fact(Html h, String label, String id, String value) {
        h.raw("          <div><dt>").msg(label).raw("</dt><dd");
        if (id != null) {
            h.raw(" id=\"").raw(id).raw("\"");
        }
        h.raw(">").text(value).raw("</dd></div>\n");
    }

    /** The template's head, top bar (brand, the institution, TR/EN links) and the start of {@code main}. */
    private void head(Html h, String title, String institution) {
        boolean english = "en".equals(language.getLanguage());
        h.raw("<!DOCTYPE html>\n<html lang=\"").raw(english ? "en" : "tr").raw("""
                "><head>
                    <meta charset="UTF-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <meta name="referrer" content="no-referrer" />
                    <meta name="robots" content="noindex" />
                    <title>""").text(title).raw(" · ").msg("app.name").raw("</title><link rel=\"stylesheet\" href=\"")
                .text(contextPath + STYLESHEET).raw("""
                " /></head><body>
                    <header class="topbar">
                      <div class="wrap topbar-inner">
                        <a class="brand" href=\"""").text(contextPath + "/").raw("\" aria-label=\"").msg("app.home")
                .raw("""
                ">
                          <span class="brand-name">""").msg("app.name").raw("""
                </span>
                          <span class="brand-tagline">""").text(institution).raw("""
                </span>
                        </a>
                        <nav class="lang" aria-label=\"""").msg("lang.label").raw("\">\n");
        languageLink(h, "tr", "TR", switchTr, !english);
        languageLink(h, "en", "EN", switchEn, english);
        h.raw("""
                        </nav>
                      </div>
                    </header>
                    <main class="wrap" id="main">
                """);
    }

    private static void languageLink(Html h, String lang, String label, String href, boolean current) {
        h.raw("          <a id=\"lang-").raw(lang).raw("\" href=\"").text(href).raw("\" lang=\"").raw(lang)
                .raw("\" hreflang=\"").raw(lang).raw("\" title=\"").msg("lang." + lang).raw("\" aria-current=\"")
                .raw(current ? "true" : "false").raw("\" class=\"lang-btn").raw(current ? " active" : "").raw("\">")
                .raw(label).raw("</a>\n");
    }

    /** The end of {@code main} and the template's privacy footer. */
    private static void foot(Html h) {
        h.raw("""
                    </main>
                    <footer class="wrap privacy">
                      <h2>""").msg("privacy.title").raw("</h2>\n      <p>").msg("privacy.text").raw("""
                </p>
                    </footer></body>
                </html>""");
    }

    /** An HTML text being written: {@link #text} escapes, {@link #raw} is for this class's own markup only. */
    static final class Html {

        private final StringBuilder out;
        private final ResourceBundle msg;

        Html(ResourceBundle msg, int capacity) {
            this.msg = msg;
            this.out = new StringBuilder(capacity);
        }

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        /** A message of the bundle, escaped. */
        Html msg(String key) {
            return text(msg.getString(key));
        }

        /** Text or an attribute value, escaped ({@code & < > " '}). */
        Html text(String text) {
            if (text == null) {
                return this;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
