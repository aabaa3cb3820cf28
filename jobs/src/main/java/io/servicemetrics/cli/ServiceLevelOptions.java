package io.servicemetrics.cli;

import io.servicemetrics.config.ServiceLevelConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Queue-time options of every command that computes gold (metrics, nightly, backfill, demo). */
final class ServiceLevelOptions {
  @Option(names = "--short-abandon-seconds", defaultValue = "" + ServiceLevelConfig.DEFAULT_SHORT_ABANDON_SECONDS,
      paramLabel = "SECONDS",
      description = "A queued contact abandoned within this many seconds of queuing is a short abandon, left out of"
          + " service level and queue abandon rate (default: ${DEFAULT-VALUE}).")
  long shortAbandonSeconds;

  @Option(names = "--service-level-target", paramLabel = "CHANNEL=SECONDS",
      description = "Service-level target T of a channel: answered within T seconds of queuing; repeatable"
          + " (defaults: phone=" + ServiceLevelConfig.DEFAULT_PHONE_TARGET_SECONDS
          + ", chat=" + ServiceLevelConfig.DEFAULT_CHAT_TARGET_SECONDS
          + ", social=" + ServiceLevelConfig.DEFAULT_SOCIAL_TARGET_SECONDS
          + ", email=" + ServiceLevelConfig.DEFAULT_EMAIL_TARGET_SECONDS + ").")
  List<String> targets = new ArrayList<>();

  ServiceLevelConfig toConfig() {
    return ServiceLevelConfig.of(shortAbandonSeconds, targets);
  }
}
