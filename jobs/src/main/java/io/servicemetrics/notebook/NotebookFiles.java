package io.servicemetrics.notebook;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an executed notebook's files: {@code <name>.ipynb} and {@code <name>.html}. */
public final class NotebookFiles {
  private NotebookFiles() {}

  /** The paths written. */
  public record Written(Path ipynb, Path html) {}

  /** Writes both files into {@code outDir} (created when missing), each replaced atomically. */
  public static Written write(Path outDir, ExecutedNotebook executed) {
    String name = executed.notebook().name();
    Path ipynb = outDir.resolve(name + ".ipynb");
    Path html = outDir.resolve(name + ".html");
    try {
      Files.createDirectories(outDir);
      replace(ipynb, IpynbWriter.toJson(executed));
      replace(html, HtmlExport.toHtml(executed));
    } catch (IOException e) {
      throw Errors.io("Cannot write the executed notebook to " + outDir, e);
    }
    return new Written(ipynb, html);
  }

  private static void replace(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
