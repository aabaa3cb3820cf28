package io.servicemetrics.generate;

import java.util.List;

/** The fixed shape of the simulated contact center: channels, queues, issue categories, agents. */
final class Catalog {
  private Catalog() {}

  static final List<String> CHANNELS = List.of("phone", "chat", "email", "social");
  static final int PHONE = 0, CHAT = 1, EMAIL = 2, SOCIAL = 3;
  /** Phone dominates. */
  static final double[] CHANNEL_WEIGHTS = {55, 25, 12, 8};
  /** Mean wait before an agent picks the contact up, seconds, on a normally staffed day. */
  static final double[] CHANNEL_MEAN_WAIT = {30, 25, 3 * 3600, 50 * 60};
  /** Mean patience before hanging up (phone, chat); e-mail and social are rarely abandoned. */
  static final double[] CHANNEL_MEAN_PATIENCE = {420, 480, 0, 0};
  /** Phone menu (IVR) before the queue: 15 to 74 seconds. Chat bot: 5 to 34 seconds. */
  static final int PHONE_IVR_MIN_SECONDS = 15, PHONE_IVR_SPAN_SECONDS = 60;
  static final int CHAT_BOT_MIN_SECONDS = 5, CHAT_BOT_SPAN_SECONDS = 30;
  /** Share of abandoned first phone and chat legs that gave up in the menu, before queuing. */
  static final int IVR_ABANDON_PERCENT = 30;

  /**
   * Seconds a first leg spends in the phone menu or chat bot before it enters the agent queue; 0
   * for e-mail and social (queued on arrival). Derived from the leg id, not drawn from the seeded
   * random streams, so adding it left every other generated value as it was.
   */
  static long ivrSeconds(int channel, String legId) {
    int h = Math.floorMod(legId.hashCode() * 0x9E3779B1, 1 << 16);
    return channel == PHONE ? PHONE_IVR_MIN_SECONDS + h % PHONE_IVR_SPAN_SECONDS
        : channel == CHAT ? CHAT_BOT_MIN_SECONDS + h % CHAT_BOT_SPAN_SECONDS : 0;
  }

  /** Whether an abandoned first leg gave up in the menu (never queued), by its id as above. */
  static boolean abandonsInIvr(String legId) {
    return Math.floorMod(legId.hashCode() * 0x85EBCA6B, 100) < IVR_ABANDON_PERCENT;
  }

  /** Typical handle time of a standard agent on a standard issue, seconds. */
  static final double[] CHANNEL_BASE_HANDLE = {360, 540, 420, 300};

  static final List<String> QUEUES = List.of("billing", "technical", "orders", "account");
  static final double[] QUEUE_WEIGHTS = {35, 30, 20, 15};

  /**
   * An issue category within its queue.
   *
   * @param ease multiplies the agent's chance to resolve
   * @param handleFactor multiplies the handle time
   * @param phrase how customers name it in free text
   */
  record Category(String name, String queue, double ease, double handleFactor, String phrase) {}

  static final List<Category> CATEGORIES = List.of(
      new Category("double_charge", "billing", 0.95, 1.1, "double charge"),
      new Category("refund_request", "billing", 0.90, 1.0, "refund"),
      new Category("invoice_question", "billing", 1.10, 0.8, "invoice"),
      new Category("login_problem", "technical", 1.00, 0.9, "login problem"),
      new Category("internet_outage", "technical", 0.70, 1.3, "internet outage"),
      new Category("device_setup", "technical", 0.85, 1.4, "router setup"),
      new Category("late_delivery", "orders", 0.80, 0.9, "late delivery"),
      new Category("wrong_item", "orders", 0.90, 1.0, "wrong item"),
      new Category("cancel_order", "orders", 1.10, 0.7, "cancellation"),
      new Category("address_change", "account", 1.15, 0.6, "address change"),
      new Category("password_reset", "account", 1.10, 0.7, "password reset"),
      new Category("close_account", "account", 0.85, 1.1, "account closure"));

  static List<Category> categoriesOf(String queue) {
    return CATEGORIES.stream().filter(c -> c.queue().equals(queue)).toList();
  }

  enum Profile {
    /** Ordinary agent. */
    STANDARD,
    /** Fast, short after-contact work, but rarely resolves, transfers often, and some "resolved" are not. */
    SPEED_TRAP,
    /** Slow, and resolves almost everything. */
    THOROUGH
  }

  /**
   * One agent.
   *
   * @param speed multiplies handle time (below 1 = faster)
   * @param skill base probability of resolving a contact
   * @param honesty probability that a contact this agent marks resolved is really fixed
   * @param transferRate probability of transferring a leg instead of finishing it
   * @param meanAcw mean after-contact work, seconds
   */
  record Agent(String id, String team, Profile profile, double speed, double skill, double honesty, double transferRate, double meanAcw) {}

  static final List<String> TEAMS = List.of("north", "south", "east", "west");
  /** The queue each team mainly serves, by index into {@link #TEAMS}. */
  static final List<String> TEAM_QUEUE = List.of("billing", "technical", "orders", "account");

  private static Agent standard(String id, String team, double speed, double skill) {
    return new Agent(id, team, Profile.STANDARD, speed, skill, 0.95, 0.12, 60);
  }

  private static Agent speedTrap(String id, String team) {
    return new Agent(id, team, Profile.SPEED_TRAP, 0.55, 0.45, 0.80, 0.20, 20);
  }

  private static Agent thorough(String id, String team) {
    return new Agent(id, team, Profile.THOROUGH, 1.45, 0.90, 0.98, 0.05, 110);
  }

  /** 25 agents in 4 teams; each team has one speed trap, three teams a thorough agent. */
  static final List<Agent> AGENTS = List.of(
      standard("AG01", "north", 1.00, 0.74),
      thorough("AG02", "north"),
      standard("AG03", "north", 0.90, 0.70),
      speedTrap("AG04", "north"),
      standard("AG05", "north", 1.10, 0.78),
      standard("AG06", "north", 0.95, 0.72),
      standard("AG07", "north", 1.05, 0.75),
      standard("AG08", "south", 1.00, 0.72),
      speedTrap("AG09", "south"),
      standard("AG10", "south", 0.85, 0.68),
      standard("AG11", "south", 1.15, 0.77),
      thorough("AG12", "south"),
      standard("AG13", "south", 0.95, 0.73),
      standard("AG14", "east", 1.00, 0.75),
      speedTrap("AG15", "east"),
      standard("AG16", "east", 1.10, 0.76),
      standard("AG17", "east", 0.90, 0.71),
      standard("AG18", "east", 1.05, 0.74),
      thorough("AG19", "east"),
      standard("AG20", "west", 0.95, 0.73),
      standard("AG21", "west", 1.00, 0.75),
      speedTrap("AG22", "west"),
      standard("AG23", "west", 1.10, 0.77),
      standard("AG24", "west", 0.90, 0.70),
      standard("AG25", "west", 1.05, 0.74));
}
