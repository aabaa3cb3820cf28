package io.servicemetrics.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = ServiceMetricsCli.class.getPackage().getImplementationVersion();
    return new String[] {"service-metrics " + (v == null ? "(development build)" : v)};
  }
}
