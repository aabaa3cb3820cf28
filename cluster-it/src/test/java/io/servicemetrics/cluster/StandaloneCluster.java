package io.servicemetrics.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone master and one worker on 127.0.0.1, each a child JVM started from a
 * {@link SparkHome}, on free ports. {@link #start} returns once the master reports the worker
 * alive; {@link #close} stops both (and the worker's executors).
 */
final class StandaloneCluster implements AutoCloseable {
  static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
  /** Spark's default daemon heap is 1g; these daemons only schedule. */
  static final String DAEMON_HEAP = "-Xmx512m";
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  private static final Duration POLL = Duration.ofMillis(500);

  private final ChildProcess master;
  private final ChildProcess worker;
  private final String masterUrl;
  private final URI masterJson;
  private final Path workerDir;

  private StandaloneCluster(ChildProcess master, ChildProcess worker, String masterUrl, URI masterJson, Path workerDir) {
    this.master = master;
    this.worker = worker;
    this.masterUrl = masterUrl;
    this.masterJson = masterJson;
    this.workerDir = workerDir;
  }

  /**
   * Starts the master and a worker offering {@code cores} cores and {@code memory} (e.g. "1g") to
   * executors, with the worker's application folders under {@code workDir/worker}.
   */
  static StandaloneCluster start(SparkHome spark, Path workDir, Path logDir, int cores, String memory,
      Duration startTimeout) throws IOException {
    int masterPort = freePort();
    int masterUiPort = freePort();
    String masterUrl = "spark://" + SparkHome.LOOPBACK + ":" + masterPort;
    Path workerDir = Files.createDirectories(workDir.resolve("worker"));
    ChildProcess master = ChildProcess.start("master",
        spark.javaCommand(List.of(DAEMON_HEAP), MASTER_CLASS, List.of(
            "--host", SparkHome.LOOPBACK, "--port", Integer.toString(masterPort),
            "--webui-port", Integer.toString(masterUiPort))),
        spark.environment(), workDir, logDir);
    ChildProcess worker = ChildProcess.start("worker",
        spark.javaCommand(List.of(DAEMON_HEAP), WORKER_CLASS, List.of(
            "--host", SparkHome.LOOPBACK, "--port", Integer.toString(freePort()),
            "--webui-port", Integer.toString(freePort()),
            "--cores", Integer.toString(cores), "--memory", memory,
            "--work-dir", workerDir.toString(), masterUrl)),
        spark.environment(), workDir, logDir);
    StandaloneCluster cluster = new StandaloneCluster(master, worker, masterUrl,
        URI.create("http://" + SparkHome.LOOPBACK + ":" + masterUiPort + "/json/"), workerDir);
    try {
      cluster.awaitWorkerRegistered(startTimeout);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The worker's --work-dir: one app-* folder per application, with each executor's stdout and stderr. */
  Path workerDir() {
    return workerDir;
  }

  /** The master's JSON status (applications, workers), for assertions and failure messages. */
  String masterStatus() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(masterJson).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private void awaitWorkerRegistered(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (ChildProcess daemon : List.of(master, worker)) {
        if (!daemon.isAlive()) {
          throw new AssertionError("The Spark " + daemon.name() + " exited while the cluster was starting."
              + " Full log: " + daemon.stderr() + "\n" + daemon.tail());
        }
      }
      Matcher alive = ALIVE_WORKERS.matcher(masterStatus());
      if (alive.find() && Integer.parseInt(alive.group(1)) >= 1) {
        return;
      }
      sleep(POLL);
    }
    throw new AssertionError("No worker registered with the master at " + masterUrl + " within "
        + timeout.toSeconds() + " s. Master status: " + masterStatus() + "\n" + master.tail() + "\n" + worker.tail());
  }

  @Override
  public void close() {
    // The worker first, so that it stops its executors while the master still answers.
    worker.close();
    master.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(SparkHome.LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for the cluster", e);
    }
  }
}
