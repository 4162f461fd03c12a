package org.sutahsilat.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny browser for the Faces pages: one cookie jar (one session), forms parsed from the HTML and POSTed. */
final class PortalBrowser {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*>([^<]*)</option>");

    private final URI base;
    private final HttpClient client;
    HttpResponse<String> last;

    PortalBrowser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        last = client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return last;
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        last = client.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return last;
    }

    /** Keeps the last page under target/portal-pages (to look at the layout by eye; CSS saved as portal.css). */
    void save(String name) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "portal-pages");
        java.nio.file.Files.createDirectories(dir);
        String body = last.body().replaceAll("href=\"[^\"]*portal\\.css[^\"]*\"", "href=\"portal.css\"");
        java.nio.file.Files.writeString(dir.resolve(name.endsWith(".css") ? name : name + ".html"), body);
    }

    /** Open the start page and look up a bill the way a subscriber does. */
    HttpResponse<String> lookup(String institutionName, String subscriberNo, String paymentCode)
            throws IOException, InterruptedException {
        get("");
        Form form = form("lookup");
        form.choose("institution", institutionName);
        form.set("subscriberNo", subscriberNo);
        form.set("paymentCode", paymentCode);
        return form.submit("submit");
    }

    /** Follows the link with this id on the last page. */
    HttpResponse<String> follow(String id) throws IOException, InterruptedException {
        Matcher link = Pattern.compile("<a\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(last.body());
        assertThat(link.find()).as("link " + id + " in\n" + last.body()).isTrue();
        String href = attribute(link.group(), "href");
        return get(href);
    }

    Form form(String id) {
        String html = last.body();
        Matcher start = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(start.find()).as("form " + id + " in\n" + html).isTrue();
        String tag = start.group();
        String content = html.substring(start.end(), html.indexOf("</form>", start.end()));
        return new Form(id, attribute(tag, "action"), attribute(tag, "method"), content);
    }

    static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    final class Form {
        final String id;
        final String action;
        final String method;
        final String content;
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> buttons = new LinkedHashMap<>();
        final Map<String, Map<String, String>> options = new LinkedHashMap<>();

        Form(String id, String action, String method, String content) {
            this.id = id;
            this.action = action;
            this.method = method;
            this.content = content;
            Matcher inputs = INPUT.matcher(content);
            while (inputs.find()) {
                String attrs = inputs.group(1);
                String name = attribute(attrs, "name");
                String value = attribute(attrs, "value");
                if (name == null) {
                    continue;
                }
                if ("submit".equals(attribute(attrs, "type"))) {
                    buttons.put(name, value);
                } else {
                    fields.put(name, value == null ? "" : value);
                }
            }
            Matcher selects = SELECT.matcher(content);
            while (selects.find()) {
                String name = attribute(selects.group(1), "name");
                Map<String, String> byLabel = new LinkedHashMap<>();
                Matcher o = OPTION.matcher(selects.group(2));
                while (o.find()) {
                    byLabel.put(o.group(2), o.group(1));
                }
                options.put(name, byLabel);
                fields.put(name, "");
            }
        }

        /** The field's real name, found by its short id (e.g. "subscriberNo" -> "lookup:subscriberNo"). */
        String name(String shortId) {
            return fields.keySet().stream().filter(n -> n.endsWith(":" + shortId)).findFirst()
                    .or(() -> buttons.keySet().stream().filter(n -> n.endsWith(":" + shortId)).findFirst())
                    .orElseThrow(() -> new AssertionError("no field " + shortId + " in form " + id + ": " + fields.keySet()));
        }

        Form set(String shortId, String value) {
            fields.put(name(shortId), value);
            return this;
        }

        Form choose(String shortId, String labelStart) {
            String name = name(shortId);
            String value = options.get(name).entrySet().stream().filter(e -> e.getKey().startsWith(labelStart))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("no option " + labelStart + " in " + options.get(name)));
            fields.put(name, value);
            return this;
        }

        HttpResponse<String> submit(String buttonShortId) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>(fields);
            String button = name(buttonShortId);
            all.put(button, buttons.get(button));
            return post(action, all);
        }
    }
}
