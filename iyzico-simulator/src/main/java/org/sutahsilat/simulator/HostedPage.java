package org.sutahsilat.simulator;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ResourceBundle;

/** The hosted test page's HTML, in Turkish or English; texts from {@code page_tr/en.properties}. */
final class HostedPage {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private final String lang;
    private final ResourceBundle texts;

    private HostedPage(String lang) {
        this.lang = lang;
        this.texts = ResourceBundle.getBundle("org.sutahsilat.simulator.page",
                "en".equals(lang) ? Locale.ENGLISH : TURKISH, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Turkish unless {@code en} is asked for. */
    static HostedPage of(String lang) {
        return new HostedPage("en".equalsIgnoreCase(lang) ? "en" : "tr");
    }

    String home() {
        return layout(text("page.title"), "<p>" + escape(text("page.home")) + "</p>");
    }

    String message(String key) {
        return layout(text("page.title"), "<p class=\"msg\">" + escape(text(key)) + "</p>");
    }

    /** The amount, the basket and the two buttons. */
    String form(Checkout checkout) {
        StringBuilder basket = new StringBuilder("<table class=\"basket\">");
        for (Checkout.Item item : checkout.items) {
            basket.append("<tr><td>").append(escape(item.name())).append("</td><td class=\"num\">")
                    .append(escape(money(item.price(), checkout.currency))).append("</td></tr>");
        }
        basket.append("</table>");
        String other = "en".equals(lang) ? "tr" : "en";
        String body = "<p>" + escape(text("page.intro")) + "</p>"
                + "<p class=\"label\">" + escape(text("page.amount")) + "</p>"
                + "<p class=\"amount\" id=\"amount\">" + escape(money(checkout.paidPrice, checkout.currency)) + "</p>"
                + "<p class=\"label\">" + escape(text("page.basket")) + "</p>" + basket
                + (checkout.basketId == null ? "" : "<p class=\"small\">" + escape(text("page.reference")) + ": "
                + escape(checkout.basketId) + "</p>")
                + "<form method=\"post\" action=\"" + IyzicoSimulator.DECIDE_PATH + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(checkout.token) + "\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">"
                + "<button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\" class=\"approve\">"
                + escape(text("page.approve")) + "</button>"
                + "<button type=\"submit\" id=\"decline\" name=\"decision\" value=\"decline\" class=\"decline\">"
                + escape(text("page.decline")) + "</button>"
                + "</form>"
                + "<p class=\"small\"><a id=\"language\" href=\"" + IyzicoSimulator.PAGE_PATH + "?token="
                + escape(checkout.token) + "&amp;lang=" + other + "\">" + escape(text("page.language")) + "</a></p>";
        return layout(text("page.title"), body);
    }

    /** After the choice: posts the token to the merchant's callback, as iyzico does. */
    String callback(Checkout checkout) {
        String key = checkout.state() == Checkout.State.APPROVED ? "page.done.approved" : "page.done.declined";
        String body = "<p class=\"msg\" id=\"result\">" + escape(text(key)) + "</p>"
                + "<form id=\"callback\" method=\"post\" action=\"" + escape(checkout.callbackUrl.toString()) + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(checkout.token) + "\">"
                + "<noscript><button type=\"submit\">" + escape(text("page.continue")) + "</button></noscript>"
                + "</form>"
                + "<script>document.getElementById('callback').submit();</script>";
        return layout(text("page.title"), body);
    }

    private String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " – TEST</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f4;color:#222}"
                + ".banner{background:#b00020;color:#fff;font-weight:bold;text-align:center;padding:.8em;font-size:1.1em}"
                + "main{max-width:32em;margin:1em auto;background:#fff;padding:1em 1.2em;border-radius:.5em}"
                + ".label{color:#666;margin-bottom:.2em}.amount{font-size:2em;font-weight:bold;margin-top:0}"
                + ".basket{width:100%;border-collapse:collapse}.basket td{border-bottom:1px solid #ddd;padding:.4em 0}"
                + ".num{text-align:right;white-space:nowrap}.small{font-size:.9em;color:#555}"
                + "button{display:block;width:100%;font-size:1.2em;padding:.8em;margin:.6em 0;border:0;border-radius:.4em}"
                + ".approve{background:#1b7f3b;color:#fff}.decline{background:#ddd;color:#222}"
                + "</style></head><body><div class=\"banner\" id=\"test-banner\">" + escape(text("page.banner"))
                + "</div><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }

    private String text(String key) {
        return texts.getString(key);
    }

    /** ₺1.234,56 in Turkish, ₺1,234.56 in English; other currencies by their code. */
    String money(BigDecimal amount, String currency) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("en".equals(lang) ? Locale.ENGLISH : TURKISH);
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        String number = format.format(amount);
        return "TRY".equals(currency) ? "₺" + number : number + " " + currency;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
