package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The export format each landing source is read in, and the adapters' options (docs/FORMATS.md).
 * Precedence, highest first: a {@code --<source>-format} flag, the {@code --formats-config} file,
 * the default {@value #CANONICAL}.
 *
 * @param contacts format of contacts/ files: canonical, amazon-connect, genesys-cloud or nice-cxone
 * @param surveys format of surveys/ files: canonical or qualtrics
 * @param mentions format of mentions/ files: canonical or x-api-v2
 * @param options the adapters' options
 */
public record SourceFormats(String contacts, String surveys, String mentions, FormatOptions options)
    implements Serializable {
  public static final String CANONICAL = "canonical";
  public static final String AMAZON_CONNECT = "amazon-connect";
  public static final String QUALTRICS = "qualtrics";
  public static final String X_API_V2 = "x-api-v2";
  public static final String GENESYS_CLOUD = "genesys-cloud";
  public static final String NICE_CXONE = "nice-cxone";

  // Landing source folder names (ingest's Source.sourceName()).
  public static final String CONTACTS = "contacts";
  public static final String SURVEYS = "surveys";
  public static final String MENTIONS = "mentions";
  public static final String CUSTOMER_HANDLES = "customer_handles";

  /** The formats each source may be read in; the first is the default. */
  public static final Map<String, List<String>> FORMATS_BY_SOURCE = formatsBySource();

  /** The --formats-config key naming a source's format: {@code <source>.format}. */
  public static final String FORMAT_KEY_SUFFIX = ".format";

  /** Every source canonical, default options: what demo and tests use. */
  public static final SourceFormats ALL_CANONICAL = new SourceFormats(CANONICAL, CANONICAL, CANONICAL, FormatOptions.DEFAULTS);

  public SourceFormats {
    Objects.requireNonNull(options, "options");
    check(CONTACTS, contacts);
    check(SURVEYS, surveys);
    check(MENTIONS, mentions);
  }

  /** The format of a source folder (customer_handles is always canonical). */
  public String formatOf(String sourceName) {
    return switch (sourceName) {
      case CONTACTS -> contacts;
      case SURVEYS -> surveys;
      case MENTIONS -> mentions;
      case CUSTOMER_HANDLES -> CANONICAL;
      default -> throw new IllegalArgumentException("No landing source " + sourceName);
    };
  }

  /**
   * Formats from an optional properties file and per-source flags (source name to format name;
   * a null value means "not given").
   */
  public static SourceFormats resolve(Path configFile, Map<String, String> flags) {
    Map<String, String> properties = configFile == null ? Map.of() : load(configFile);
    Map<String, String> formats = new LinkedHashMap<>();
    Map<String, String> options = new TreeMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
      String source = key.endsWith(FORMAT_KEY_SUFFIX) ? key.substring(0, key.length() - FORMAT_KEY_SUFFIX.length()) : null;
      if (source != null && FORMATS_BY_SOURCE.containsKey(source)) {
        formats.put(source, e.getValue().strip());
      } else if (FormatOptions.DEFAULT_VALUES.containsKey(key)) {
        options.put(key, e.getValue());
      } else {
        List<String> known = new java.util.ArrayList<>();
        FORMATS_BY_SOURCE.keySet().forEach(s -> known.add(s + FORMAT_KEY_SUFFIX));
        known.addAll(FormatOptions.DEFAULT_VALUES.keySet());
        throw Errors.unknownOptions("--formats-config " + configFile, List.of(key), known);
      }
    }
    flags.forEach((source, format) -> {
      if (format != null) {
        formats.put(source, format.strip());
      }
    });
    check(CUSTOMER_HANDLES, formats.getOrDefault(CUSTOMER_HANDLES, CANONICAL));
    return new SourceFormats(formats.getOrDefault(CONTACTS, CANONICAL), formats.getOrDefault(SURVEYS, CANONICAL),
        formats.getOrDefault(MENTIONS, CANONICAL), FormatOptions.of(options));
  }

  private static Map<String, String> load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw Errors.badArgument("Cannot read the formats config " + file,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          "Point --formats-config at a readable properties file (see docs/FORMATS.md)");
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static void check(String source, String format) {
    List<String> valid = FORMATS_BY_SOURCE.get(source);
    if (!valid.contains(format)) {
      throw Errors.badArgument("Unknown " + source + " format '" + format + "'",
          source + " can be read as " + String.join(" or ", valid),
          "Pass --" + source + "-format with one of " + valid + " (or set " + source + FORMAT_KEY_SUFFIX
              + " in --formats-config)");
    }
  }

  private static Map<String, List<String>> formatsBySource() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(CONTACTS, List.of(CANONICAL, AMAZON_CONNECT, GENESYS_CLOUD, NICE_CXONE));
    m.put(SURVEYS, List.of(CANONICAL, QUALTRICS));
    m.put(MENTIONS, List.of(CANONICAL, X_API_V2));
    m.put(CUSTOMER_HANDLES, List.of(CANONICAL));
    return java.util.Collections.unmodifiableMap(m);
  }
}
