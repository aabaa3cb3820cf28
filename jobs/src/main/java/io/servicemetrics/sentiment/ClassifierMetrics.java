package io.servicemetrics.sentiment;

import java.util.Arrays;

/**
 * Quality of a classifier from its confusion matrix (rows: true class, columns: predicted class):
 * accuracy, per-class precision and recall, and macro-F1 (the unweighted mean of the per-class
 * F1, so a rare class weighs as much as a common one). A class never predicted has precision 0; a
 * class absent from the labels has recall 0 (and counts in the macro mean: a classifier is not
 * credited for a class it was never tested on).
 */
public record ClassifierMetrics(long[][] confusion, double accuracy, double[] precision, double[] recall,
    double[] f1, double macroF1) {

  public static ClassifierMetrics of(long[][] confusion) {
    int k = confusion.length;
    long total = 0;
    long correct = 0;
    long[] predicted = new long[k];
    long[] actual = new long[k];
    for (int t = 0; t < k; t++) {
      if (confusion[t].length != k) {
        throw new IllegalArgumentException("confusion matrix must be square, row " + t + " has " + confusion[t].length);
      }
      for (int p = 0; p < k; p++) {
        total += confusion[t][p];
        actual[t] += confusion[t][p];
        predicted[p] += confusion[t][p];
      }
      correct += confusion[t][t];
    }
    double[] precision = new double[k];
    double[] recall = new double[k];
    double[] f1 = new double[k];
    double f1Sum = 0;
    for (int c = 0; c < k; c++) {
      precision[c] = predicted[c] == 0 ? 0.0 : (double) confusion[c][c] / predicted[c];
      recall[c] = actual[c] == 0 ? 0.0 : (double) confusion[c][c] / actual[c];
      f1[c] = precision[c] + recall[c] == 0 ? 0.0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
      f1Sum += f1[c];
    }
    long[][] copy = Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
    return new ClassifierMetrics(copy, total == 0 ? 0.0 : (double) correct / total, precision, recall, f1,
        k == 0 ? 0.0 : f1Sum / k);
  }

  /** Total count in the matrix. */
  public long total() {
    return Arrays.stream(confusion).flatMapToLong(Arrays::stream).sum();
  }
}
