package io.servicemetrics.errors;

/**
 * A failure the user can act on. Built only through {@link Errors}, so every message states what
 * went wrong, why, and how to fix it, and carries the exit code the CLI returns for it.
 */
public final class ServiceMetricsException extends RuntimeException {
  private final ExitCode exitCode;

  ServiceMetricsException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /**
   * The user-facing error inside a failure, or null: one found on an executor (a format mismatch)
   * reaches the driver wrapped in Spark exceptions, and its own message is the one to show.
   */
  public static ServiceMetricsException findIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ServiceMetricsException known) {
        return known;
      }
    }
    return null;
  }
}
