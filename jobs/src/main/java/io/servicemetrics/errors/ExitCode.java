package io.servicemetrics.errors;

/** Process exit codes a scheduler can act on; documented in docs/SCHEDULING.md. */
public enum ExitCode {
  SUCCESS(0),
  FAILURE(1),
  BAD_INPUT(2),
  DATA_QUALITY(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
