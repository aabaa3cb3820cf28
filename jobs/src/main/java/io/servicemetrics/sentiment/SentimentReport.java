package io.servicemetrics.sentiment;

import io.servicemetrics.schema.SentimentModelsSchema;
import java.util.List;
import java.util.Locale;

/** A trained model's quality as plain text for the terminal: accuracy, macro-F1, per class, confusion. */
public final class SentimentReport {
  private SentimentReport() {}

  public static String describe(String modelId, ClassifierMetrics m, int folds) {
    List<String> classes = SentimentModelsSchema.CLASSES;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Sentiment model %s: %d labels, %d-fold cross-validated%n", modelId,
        m.total(), folds));
    long largest = 0;
    for (long[] row : m.confusion()) {
      largest = Math.max(largest, java.util.Arrays.stream(row).sum());
    }
    // The accuracy of always answering the largest class: a model must beat it to be worth anything.
    out.append(String.format(Locale.ROOT, "  accuracy %.3f   macro-F1 %.3f   (largest class alone: %.3f)%n",
        m.accuracy(), m.macroF1(), m.total() == 0 ? 0.0 : (double) largest / m.total()));
    out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "class", "precision", "recall", "F1"));
    for (int c = 0; c < classes.size(); c++) {
      out.append(String.format(Locale.ROOT, "  %-10s %9.3f %9.3f %9.3f%n", classes.get(c), m.precision()[c],
          m.recall()[c], m.f1()[c]));
    }
    out.append("  confusion (rows: label, columns: predicted)\n");
    out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "", classes.get(0), classes.get(1), classes.get(2)));
    for (int t = 0; t < classes.size(); t++) {
      out.append(String.format(Locale.ROOT, "  %-10s %9d %9d %9d%n", classes.get(t), m.confusion()[t][0],
          m.confusion()[t][1], m.confusion()[t][2]));
    }
    return out.toString();
  }
}
