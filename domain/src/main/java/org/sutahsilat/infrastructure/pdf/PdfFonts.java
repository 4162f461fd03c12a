package org.sutahsilat.infrastructure.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The two fonts every printed document of the application uses: DejaVu Sans regular and bold (Turkish letters and
 * ₺; the Standard 14 fonts have neither), embedded as subsets, loaded once per document. The font files are read
 * from the classpath once per JVM. Texts are reduced to what the fonts can show ({@link #printable}).
 */
final class PdfFonts {

    private static final String FONT_DIR = "/org/sutahsilat/infrastructure/pdf/fonts/";
    private static byte[] regularBytes;
    private static byte[] boldBytes;

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> shown = new HashMap<>();

    private PdfFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static PdfFonts load(PDDocument doc) throws IOException {
        return new PdfFonts(PDType0Font.load(doc, new ByteArrayInputStream(regularFontBytes()), true),
                PDType0Font.load(doc, new ByteArrayInputStream(boldFontBytes()), true));
    }

    PDType0Font regular() {
        return regular;
    }

    PDType0Font bold() {
        return bold;
    }

    private static synchronized byte[] regularFontBytes() {
        if (regularBytes == null) {
            regularBytes = read("DejaVuSans.ttf");
        }
        return regularBytes;
    }

    private static synchronized byte[] boldFontBytes() {
        if (boldBytes == null) {
            boldBytes = read("DejaVuSans-Bold.ttf");
        }
        return boldBytes;
    }

    private static byte[] read(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + FONT_DIR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with line breaks and tabs as spaces and every character the font cannot show as '?', so that a
     * stray character in an address never stops a print run. Both fonts cover the same characters.
     */
    String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                sb.append(' ');
            } else if (shown.computeIfAbsent(cp, this::canShow)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private boolean canShow(int codePoint) {
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            bold.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
