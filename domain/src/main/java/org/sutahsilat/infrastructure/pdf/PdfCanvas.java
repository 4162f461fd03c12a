package org.sutahsilat.infrastructure.pdf;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Text drawing on one page with {@link PdfFonts}: placed, right-aligned, centred, wrapped and cut texts. */
final class PdfCanvas {

    private final PDPageContentStream cs;
    private final PdfFonts fonts;

    PdfCanvas(PDPageContentStream cs, PdfFonts fonts) {
        this.cs = cs;
        this.fonts = fonts;
    }

    PDPageContentStream stream() {
        return cs;
    }

    PdfFonts fonts() {
        return fonts;
    }

    void show(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
        String printable = fonts.printable(text);
        if (printable.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable);
        cs.endText();
    }

    void showRight(PDType0Font font, float size, float right, float baseline, String text) throws IOException {
        show(font, size, right - width(text, font, size), baseline, text);
    }

    void showCentered(PDType0Font font, float size, float center, float baseline, String text) throws IOException {
        show(font, size, center - width(text, font, size) / 2, baseline, text);
    }

    float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(fonts.printable(text)) / 1000f * size;
    }

    /** Words into rows no wider than {@code max}; a word longer than a row is cut. */
    List<String> wrap(String text, PDType0Font font, float size, float max) throws IOException {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : fonts.printable(text).trim().split(" +")) {
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (width(candidate, font, size) <= max) {
                row.setLength(0);
                row.append(candidate);
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row.toString());
                row.setLength(0);
            }
            if (width(word, font, size) <= max) {
                row.append(word);
            } else {
                List<String> pieces = wrapAnywhere(word, font, size, max);
                rows.addAll(pieces.subList(0, pieces.size() - 1));
                row.append(pieces.get(pieces.size() - 1));
            }
        }
        if (!row.isEmpty() || rows.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    /** Characters into rows no wider than {@code max} (for URLs, which have no spaces). */
    List<String> wrapAnywhere(String text, PDType0Font font, float size, float max) throws IOException {
        List<String> rows = new ArrayList<>();
        String rest = fonts.printable(text);
        while (!rest.isEmpty()) {
            int end = rest.length();
            while (end > 1 && width(rest.substring(0, end), font, size) > max) {
                end--;
            }
            rows.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        if (rows.isEmpty()) {
            rows.add("");
        }
        return rows;
    }

    /** The text, cut with "…" if it is wider than {@code max}. */
    String ellipsize(String text, PDType0Font font, float size, float max) throws IOException {
        String printable = fonts.printable(text);
        if (width(printable, font, size) <= max) {
            return printable;
        }
        int end = printable.length();
        while (end > 1 && width(printable.substring(0, end) + "…", font, size) > max) {
            end--;
        }
        return printable.substring(0, end) + "…";
    }
}
