package io.servicemetrics.cli;

/** What bin/service-metrics tells the JVM it starts. */
public final class Launcher {
  /**
   * The project's folder ({@code -Dservice.metrics.home}): where the demo finds the sample data and
   * the bench finds the launcher's own scripts. Unset under spark-submit.
   */
  public static final String HOME_PROPERTY = "service.metrics.home";

  private Launcher() {}
}
