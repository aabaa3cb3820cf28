package io.servicemetrics.io;

/** The warehouse's layers, in the order data flows through them. */
public enum Layer {
  /** Raw landing records with file, line and run id. Restricted: holds raw PII. */
  BRONZE("bronze"),
  /** Rejected records with a reason code and the raw text. Restricted: holds raw PII. */
  QUARANTINE("quarantine"),
  /** Typed, validated, pseudonymized; latest version per key. */
  SILVER("silver"),
  /** Metrics. */
  GOLD("gold"),
  /** Run log and metric definitions. */
  META("meta");

  private final String dir;

  Layer(String dir) {
    this.dir = dir;
  }

  public String dir() {
    return dir;
  }
}
