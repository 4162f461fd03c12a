package org.sutahsilat.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal browser for the container tests: keeps cookies itself, never follows redirects, parses JSF bits. */
final class WebClient {

    record Response(int status, String body, Map<String, List<String>> headers, byte[] bytes) {

        Response(int status, String body, Map<String, List<String>> headers) {
            this(status, body, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        String location() {
            return header("location");
        }

        String header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(), List.of());
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** The body with HTML character references resolved (Mojarra may write "ş" as "&#351;"). */
        String text() {
            return unescape(body);
        }

        boolean redirectsToLogin() {
            return (status == 302 || status == 303) && location() != null && location().contains("/login.xhtml");
        }

        String viewState() {
            Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                m = Pattern.compile("<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]*)]]>")
                        .matcher(body);
                if (!m.find()) {
                    throw new AssertionError("no ViewState in: " + body);
                }
            }
            return unescape(m.group(1));
        }

        /** The name attribute of the first input whose name matches the regular expression. */
        String inputName(String regex) {
            Matcher m = Pattern.compile("name=\"(" + regex + ")\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no input named " + regex + " in: " + body);
            }
            return m.group(1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URL base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    WebClient(URL base) {
        this.base = base;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    WebClient withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** Absolute URL for a path relative to the application, e.g. "login.xhtml". */
    URI uri(String relative) {
        if (relative.startsWith("http")) {
            return URI.create(relative);
        }
        if (relative.startsWith("/")) {
            return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + relative);
        }
        return URI.create(base.toString() + relative);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return post(path, form, Map.of());
    }

    Response post(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    /** Follows redirects within the application (GET), as a browser would. */
    Response follow(Response r) throws IOException, InterruptedException {
        for (int i = 0; i < 5 && (r.status() == 302 || r.status() == 303); i++) {
            r = get(r.location());
        }
        return r;
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        b.timeout(Duration.ofSeconds(60));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        for (String c : headers.getOrDefault("set-cookie", List.of())) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), headers, r.body());
    }

    /**
     * Sends the request line exactly as given (no normalisation of the path, unlike java.net.http) over a plain
     * socket, optionally with this client's cookies.
     */
    Response raw(String requestTarget, boolean withCookies) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder("GET ").append(requestTarget).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            if (withCookies && !cookies.isEmpty()) {
                req.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String all = buf.toString(StandardCharsets.UTF_8);
            int headerEnd = all.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? all : all.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : all.substring(headerEnd + 4);
            String[] lines = head.split("\r\n");
            int status = lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            return new Response(status, body, headers);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String unescape(String html) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
