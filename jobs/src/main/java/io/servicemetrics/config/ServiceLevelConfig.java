package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.schema.ContactsSchema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queue-time parameters of the daily metrics (docs/METRICS.md "Queue time"): the short-abandon
 * threshold and the service-level target T per channel. Parsed and validated once at the
 * command-line boundary; every channel of the contract has a target.
 *
 * @param shortAbandonSeconds a queued chain abandoned with a queue wait below this is a short
 *     abandon (a misdial or an instant hang-up), left out of service level and queue abandon rate
 * @param targetSeconds service-level target T per channel: answered within T seconds of queuing
 */
public record ServiceLevelConfig(long shortAbandonSeconds, Map<String, Long> targetSeconds) {
  public static final long DEFAULT_SHORT_ABANDON_SECONDS = 5;
  /** The 80/20 of voice centres: 20 seconds. */
  public static final long DEFAULT_PHONE_TARGET_SECONDS = 20;
  public static final long DEFAULT_CHAT_TARGET_SECONDS = 60;
  /** Social replies within the hour. */
  public static final long DEFAULT_SOCIAL_TARGET_SECONDS = 3_600;
  /** E-mail within a day. */
  public static final long DEFAULT_EMAIL_TARGET_SECONDS = 86_400;
  public static final Map<String, Long> DEFAULT_TARGETS = Map.of(
      "phone", DEFAULT_PHONE_TARGET_SECONDS,
      "chat", DEFAULT_CHAT_TARGET_SECONDS,
      "social", DEFAULT_SOCIAL_TARGET_SECONDS,
      "email", DEFAULT_EMAIL_TARGET_SECONDS);
  /** A target longer than the longest leg (7 days) can never be missed: almost certainly a typo. */
  public static final long MAX_TARGET_SECONDS = 7L * 86_400;
  public static final ServiceLevelConfig DEFAULT = new ServiceLevelConfig(DEFAULT_SHORT_ABANDON_SECONDS, DEFAULT_TARGETS);

  private static final Pattern TARGET = Pattern.compile("\\s*([A-Za-z_]+)\\s*=\\s*(\\d{1,9})\\s*");

  public ServiceLevelConfig {
    if (shortAbandonSeconds < 0 || shortAbandonSeconds > MAX_TARGET_SECONDS) {
      throw Errors.badArgument("--short-abandon-seconds is " + shortAbandonSeconds,
          "It is a queue wait in seconds, from 0 (no short abandons) to " + MAX_TARGET_SECONDS,
          "Pass a value in that range, e.g. the default " + DEFAULT_SHORT_ABANDON_SECONDS);
    }
    if (targetSeconds == null || !targetSeconds.keySet().equals(ContactsSchema.CHANNELS)) {
      throw Errors.badArgument("Service-level targets are given for " + (targetSeconds == null ? "no channel"
              : new TreeMap<>(targetSeconds).keySet()),
          "Every channel " + new java.util.TreeSet<>(ContactsSchema.CHANNELS) + " needs one target",
          "Start from ServiceLevelConfig.DEFAULT_TARGETS");
    }
    targetSeconds.forEach((channel, t) -> requireTarget(channel + "=" + t, t));
    targetSeconds = Map.copyOf(targetSeconds);
  }

  /**
   * The defaults with the given overrides.
   *
   * @param targets {@code channel=seconds} texts, later ones winning (the repeatable
   *     {@code --service-level-target})
   */
  public static ServiceLevelConfig of(long shortAbandonSeconds, List<String> targets) {
    Map<String, Long> merged = new TreeMap<>(DEFAULT_TARGETS);
    for (String text : targets == null ? List.<String>of() : targets) {
      Matcher m = TARGET.matcher(text);
      if (!m.matches()) {
        throw Errors.badArgument("--service-level-target '" + text + "' is not channel=seconds",
            "A target names one channel and a whole number of seconds",
            "Pass e.g. --service-level-target phone=30 (repeat the option for each channel)");
      }
      String channel = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!ContactsSchema.CHANNELS.contains(channel)) {
        throw Errors.badArgument("--service-level-target '" + text + "' names the unknown channel " + channel,
            "The channels of the input contract are " + new java.util.TreeSet<>(ContactsSchema.CHANNELS),
            "Use one of those channel names");
      }
      long seconds = Long.parseLong(m.group(2));
      requireTarget(text, seconds);
      merged.put(channel, seconds);
    }
    return new ServiceLevelConfig(shortAbandonSeconds, merged);
  }

  /** Target T of a channel of the contract, in seconds. */
  public long targetSeconds(String channel) {
    Long t = targetSeconds.get(channel);
    if (t == null) {
      throw new IllegalArgumentException("no service-level target for channel " + channel);
    }
    return t;
  }

  private static void requireTarget(String text, long seconds) {
    if (seconds < 1 || seconds > MAX_TARGET_SECONDS) {
      throw Errors.badArgument("--service-level-target " + text + " is out of range",
          "A target is a whole number of seconds from 1 to " + MAX_TARGET_SECONDS + " (7 days, the longest leg)",
          "Pass a value in that range, e.g. phone=20");
    }
  }
}
