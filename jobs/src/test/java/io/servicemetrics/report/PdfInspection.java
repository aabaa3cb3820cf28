package io.servicemetrics.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads back what a reader's PDF viewer would see: text, images, fonts, forms. */
final class PdfInspection {
  private PdfInspection() {}

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static List<String> pageTexts(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(doc));
      }
      return pages;
    }
  }

  /** What the pages' resources hold, walked recursively through form XObjects. */
  record Contents(int images, int forms, List<String> fonts, List<String> unembeddedFonts) {}

  static Contents contents(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int[] counts = new int[2];
      List<String> fonts = new ArrayList<>();
      List<String> unembedded = new ArrayList<>();
      Set<Object> seen = new HashSet<>();
      for (PDPage page : doc.getPages()) {
        walk(page.getResources(), counts, fonts, unembedded, seen);
      }
      return new Contents(counts[0], counts[1], fonts, unembedded);
    }
  }

  private static void walk(PDResources resources, int[] counts, List<String> fonts, List<String> unembedded,
      Set<Object> seen) throws IOException {
    if (resources == null || !seen.add(resources.getCOSObject())) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      fonts.add(font.getName());
      PDFontDescriptor d = font instanceof PDType0Font t0
          ? t0.getDescendantFont().getFontDescriptor()
          : font.getFontDescriptor();
      boolean embedded = font.isEmbedded() && d != null && d.getFontFile2() != null;
      if (!embedded) {
        unembedded.add(font.getName());
      }
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject) {
        counts[0]++;
      } else if (x instanceof PDFormXObject form) {
        counts[1]++;
        walk(form.getResources(), counts, fonts, unembedded, seen);
      }
    }
  }
}
