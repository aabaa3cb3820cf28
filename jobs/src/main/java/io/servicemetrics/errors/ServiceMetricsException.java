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
}
