package io.servicemetrics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shaded jar holds what a Spark 4.1 cluster lacks and nothing it has: checked entry by entry
 * against Spark's own jars (the cluster-it module's runtime classpath), and by loading the jar
 * beside those jars alone, as spark-submit's driver does.
 */
class ShadedJarIT {
  private static final Logger LOG = LoggerFactory.getLogger(ShadedJarIT.class);
  static final String MAIN_CLASS = "io.servicemetrics.cli.ServiceMetricsCli";
  /** A regression guard: Spark, Scala or Hadoop shaded by mistake would add 100 MB or more. */
  static final long MAX_BYTES = 40L * 1024 * 1024;

  /** One class or resource of each library the cluster does not bring, plus our own. */
  static final List<String> REQUIRED = List.of(
      "io/servicemetrics/cli/ServiceMetricsCli.class",
      "io/servicemetrics/report/fonts/DejaVuSans.ttf",
      "io/delta/sql/DeltaSparkSessionExtension.class",
      "org/apache/spark/sql/delta/catalog/DeltaCatalog.class",
      "org/apache/spark/sql/delta/sources/DeltaDataSource.class",
      "io/delta/storage/LogStore.class",
      "io/delta/kernel/Snapshot.class",
      "io/delta/kernel/defaults/engine/DefaultEngine.class",
      "io/unitycatalog/client/ApiClient.class",
      "org/apache/commons/math3/stat/regression/OLSMultipleLinearRegression.class",
      "org/jfree/chart/JFreeChart.class",
      "org/apache/pdfbox/pdmodel/PDDocument.class",
      "org/apache/fontbox/ttf/TrueTypeFont.class",
      "org/apache/pdfbox/io/RandomAccessRead.class",
      "de/rototor/pdfbox/graphics2d/PdfBoxGraphics2D.class",
      "picocli/CommandLine.class");

  /** What every Spark cluster brings, whether or not this Spark's jars list it. */
  static final List<String> FORBIDDEN_PREFIXES = List.of(
      "scala/", "org/apache/hadoop/", "com/fasterxml/jackson/", "org/apache/logging/", "org/apache/log4j/",
      "org/slf4j/", "org/apache/parquet/", "org/apache/commons/logging/", "org/apache/spark/SparkContext");

  /**
   * Entries that Spark's jars hold too and the jar may repeat when byte-identical: commons-math3,
   * which Spark 4.1 ships at the same version but does not promise, and a log layout Delta copies.
   */
  static final List<String> ALLOWED_OVERLAP = List.of(
      "org/apache/commons/math3/", "assets/org/apache/commons/math3/", "org/apache/spark/SparkLayout.json");

  private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|DSA|RSA|EC)");

  private static Path jar;
  private static List<Path> sparkJars;

  @BeforeAll
  static void locate() throws IOException {
    jar = StandaloneClusterIT.shadedJar();
    sparkJars = new ArrayList<>();
    String classpath = Files.readString(Path.of(StandaloneClusterIT.requiredProperty("cluster.it.sparkClasspath")),
        StandardCharsets.UTF_8).strip();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      sparkJars.add(Path.of(entry));
    }
  }

  @Test
  void manifestNamesTheCliAsMainClassAndTheJarStaysSmall() throws IOException {
    try (JarFile shaded = new JarFile(jar.toFile())) {
      assertEquals(MAIN_CLASS, shaded.getManifest().getMainAttributes().getValue("Main-Class"), "Main-Class of " + jar);
    }
    long bytes = Files.size(jar);
    LOG.info("{}: {} bytes ({} MiB), Main-Class {}", jar.getFileName(), bytes, bytes / (1024 * 1024), MAIN_CLASS);
    assertTrue(bytes < MAX_BYTES, jar + " is " + bytes + " bytes; did Spark, Scala or Hadoop get shaded in?");
  }

  @Test
  void holdsEveryLibraryTheClusterLacks() throws IOException {
    try (JarFile shaded = new JarFile(jar.toFile())) {
      List<String> missing = REQUIRED.stream().filter(name -> shaded.getEntry(name) == null).toList();
      assertEquals(List.of(), missing, "entries missing from " + jar);
    }
  }

  @Test
  void holdsNothingTheClusterBringsAndNoSignatures() throws IOException {
    Map<String, Long> sparkEntries = new HashMap<>();
    for (Path sparkJar : sparkJars) {
      try (JarFile spark = new JarFile(sparkJar.toFile())) {
        spark.stream().filter(e -> !e.isDirectory()).forEach(e -> sparkEntries.putIfAbsent(e.getName(), e.getCrc()));
      }
    }
    List<String> forbidden = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    List<String> signaturesAndModules = new ArrayList<>();
    try (JarFile shaded = new JarFile(jar.toFile())) {
      for (ZipEntry entry : shaded.stream().filter(e -> !e.isDirectory()).toList()) {
        String name = entry.getName();
        if (FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)) {
          forbidden.add(name);
        }
        if (SIGNATURE.matcher(name).matches() || name.endsWith("module-info.class")) {
          signaturesAndModules.add(name);
        }
        Long sparkCrc = sparkEntries.get(name);
        boolean allowed = name.startsWith("META-INF/")
            || ALLOWED_OVERLAP.stream().anyMatch(name::startsWith) && sparkCrc != null && sparkCrc == entry.getCrc();
        if (sparkCrc != null && !allowed) {
          duplicates.add(name);
        }
      }
    }
    assertEquals(List.of(), first(forbidden), "classes a Spark cluster brings, shaded into " + jar);
    assertEquals(List.of(), first(duplicates), "entries of Spark's own jars (" + sparkJars.size() + ") repeated in " + jar);
    assertEquals(List.of(), signaturesAndModules, "signature files and module descriptors left in " + jar);
  }

  @Test
  void mergesDeltasDataSourceRegistration() throws IOException {
    try (JarFile shaded = new JarFile(jar.toFile())) {
      ZipEntry services = shaded.getEntry("META-INF/services/" + DataSourceRegister.class.getName());
      assertTrue(services != null, "the DataSourceRegister service file is in " + jar);
      String text = new String(shaded.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.lines().map(String::strip).anyMatch("org.apache.spark.sql.delta.sources.DeltaDataSource"::equals),
          "Delta's data source is registered: " + text);
    }
  }

  /**
   * On the driver's classpath (Spark's jars + the shaded jar, nothing else), Spark finds the delta
   * format, and PDFBox writes a PDF: it logs through commons-logging, which Spark provides as
   * jcl-over-slf4j, so the jar need not bring it.
   */
  @Test
  void onSparksClasspathAloneDeltaResolvesAndPdfBoxWritesAPdf() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path sparkJar : sparkJars) {
      urls.add(sparkJar.toUri().toURL());
    }
    urls.add(jar.toUri().toURL());
    try (URLClassLoader driver = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> register = driver.loadClass(DataSourceRegister.class.getName());
      List<String> shortNames = new ArrayList<>();
      for (Object source : ServiceLoader.load(register, driver)) {
        shortNames.add((String) register.getMethod("shortName").invoke(source));
      }
      assertTrue(shortNames.contains("delta"), "the delta format is found through ServiceLoader: " + shortNames);

      assertTrue(driver.loadClass("org.apache.commons.logging.LogFactory").getProtectionDomain().getCodeSource()
          .getLocation().getPath().contains("jcl-over-slf4j"), "commons-logging comes from Spark's jcl-over-slf4j");
      Class<?> document = Class.forName("org.apache.pdfbox.pdmodel.PDDocument", true, driver);
      Class<?> page = driver.loadClass("org.apache.pdfbox.pdmodel.PDPage");
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      try (AutoCloseable doc = (AutoCloseable) document.getConstructor().newInstance()) {
        document.getMethod("addPage", page).invoke(doc, page.getConstructor().newInstance());
        document.getMethod("save", OutputStream.class).invoke(doc, pdf);
      }
      assertEquals("%PDF-", new String(pdf.toByteArray(), 0, 5, StandardCharsets.US_ASCII), "PDFBox wrote a PDF");
    }
  }

  private static List<String> first(List<String> names) {
    return names.subList(0, Math.min(10, names.size()));
  }
}
