package io.servicemetrics.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark installation made of Spark's Maven jars: {@code <home>/jars/} holds links to the jars of
 * Spark's runtime closure, as a Spark distribution's {@code jars/} folder does. Master, Worker and
 * SparkSubmit run from it with {@code java -cp <home>/jars/*}, and the Worker's executors find it
 * through {@code SPARK_HOME}.
 *
 * @param home the SPARK_HOME folder
 * @param jvmOptionsFile the Java 17 module options Spark's own launcher would add ({@code @argfile})
 */
record SparkHome(Path home, Path jvmOptionsFile) {
  static final String SCALA_VERSION = "2.13";
  static final String LOOPBACK = "127.0.0.1";
  /**
   * For the test's short-lived JVMs on two shared cores: the C1 compiler only and one GC thread cut
   * start-up and JIT time; neither changes what the code computes.
   */
  static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /**
   * Creates {@code home/jars} from a classpath file (entries separated by the path separator).
   * Existing content is replaced.
   */
  static SparkHome create(Path home, Path classpathFile, Path jvmOptionsFile) {
    try {
      Path jars = home.resolve("jars");
      if (Files.exists(jars)) {
        try (var old = Files.list(jars)) {
          for (Path p : old.toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(jars);
      String classpath = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
      for (String entry : classpath.split(java.io.File.pathSeparator)) {
        Path jar = Path.of(entry);
        Path link = jars.resolve(jar.getFileName());
        try {
          Files.createSymbolicLink(link, jar.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(jar, link, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return new SparkHome(home, jvmOptionsFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a SPARK_HOME at " + home + " from " + classpathFile, e);
    }
  }

  /** What the Worker (and the executors it starts) need to find Spark, bound to the loopback interface. */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", SCALA_VERSION,
        "SPARK_LOCAL_IP", LOOPBACK,
        "JAVA_HOME", System.getProperty("java.home"));
  }

  /**
   * {@code java <module options> <short-lived JVM options> <jvmArgs> -cp <home>/jars/* <mainClass> <args>},
   * as bin/spark-class builds it.
   */
  List<String> javaCommand(List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + jvmOptionsFile);
    command.addAll(SHORT_LIVED_JVM);
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(home.resolve("jars") + java.io.File.separator + "*");
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** The module options and {@link #SHORT_LIVED_JVM} as one line, for {@code spark.executor.extraJavaOptions}. */
  String executorJavaOptions() {
    try {
      List<String> options = new ArrayList<>(Files.readAllLines(jvmOptionsFile, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList());
      options.addAll(SHORT_LIVED_JVM);
      return String.join(" ", options);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + jvmOptionsFile, e);
    }
  }

  /** Number of jars in {@code jars/}. */
  int jarCount() {
    try (var files = Files.list(home.resolve("jars"))) {
      return (int) files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
