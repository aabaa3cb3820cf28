package io.servicemetrics.notebook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small Markdown-to-HTML renderer for notebook prose: headings, paragraphs,
 * bullet and numbered lists, fenced code, pipe tables (as preformatted text), inline code and
 * bold. Everything is escaped first, so no HTML in a cell reaches the page.
 */
public final class MarkdownHtml {
  private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
  private static final Pattern BULLET = Pattern.compile("\\s*[-*+]\\s+(.*)");
  private static final Pattern NUMBERED = Pattern.compile("\\s*\\d+[.)]\\s+(.*)");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

  private MarkdownHtml() {}

  public static String render(String markdown) {
    StringBuilder out = new StringBuilder();
    String open = null; // "p", "ul", "ol", "pre" or "table"
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if ("pre".equals(open)) {
        if (line.strip().startsWith("```")) {
          out.append("</code></pre>\n");
          open = null;
        } else {
          out.append(Html.escape(line)).append('\n');
        }
        continue;
      }
      if (line.strip().startsWith("```")) {
        open = close(out, open);
        out.append("<pre><code>");
        open = "pre";
        continue;
      }
      if (line.isBlank()) {
        open = close(out, open);
        continue;
      }
      Matcher m;
      if ((m = HEADING.matcher(line.strip())).matches()) {
        open = close(out, open);
        int level = m.group(1).length();
        out.append("<h").append(level).append('>').append(inline(m.group(2))).append("</h").append(level).append(">\n");
      } else if (line.strip().startsWith("|")) {
        if (!"table".equals(open)) {
          open = close(out, open);
          out.append("<pre class=\"md-table\">");
          open = "table";
        }
        out.append(Html.escape(line.strip())).append('\n');
      } else if ((m = BULLET.matcher(line)).matches()) {
        open = ensure(out, open, "ul");
        out.append("<li>").append(inline(m.group(1))).append("</li>\n");
      } else if ((m = NUMBERED.matcher(line)).matches()) {
        open = ensure(out, open, "ol");
        out.append("<li>").append(inline(m.group(1))).append("</li>\n");
      } else {
        if (open == null || "table".equals(open)) {
          open = ensure(out, open, "p");
        } else {
          out.append(' ');
        }
        out.append(inline(line.strip()));
      }
    }
    close(out, open);
    return out.toString();
  }

  private static String ensure(StringBuilder out, String open, String wanted) {
    if (wanted.equals(open)) {
      return open;
    }
    close(out, open);
    out.append('<').append(wanted).append(">").append("p".equals(wanted) ? "" : "\n");
    return wanted;
  }

  private static String close(StringBuilder out, String open) {
    if (open != null) {
      switch (open) {
        case "pre" -> out.append("</code></pre>\n");
        case "table" -> out.append("</pre>\n");
        default -> out.append("</").append(open).append(">\n");
      }
    }
    return null;
  }

  private static String inline(String text) {
    String escaped = Html.escape(text);
    escaped = CODE_SPAN.matcher(escaped).replaceAll("<code>$1</code>");
    return BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
  }
}
