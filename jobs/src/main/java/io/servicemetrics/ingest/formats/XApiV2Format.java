package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.schema.MentionsSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X API v2 post responses as saved by a collector, one response per line: {@code data} (one post
 * or an array), {@code includes.users}, and optionally a top-level {@code fetched_at} (or twarc's
 * {@code __twarc.retrieved_at}). One mention per post; every mention of a response shares the
 * response's line as record_number, and its raw record is
 * {@code {"response_line":N,"post":{...}}}. The mapping is in docs/FORMATS.md.
 */
final class XApiV2Format implements LandingFormat {
  private static final Logger LOG = LoggerFactory.getLogger(XApiV2Format.class);
  static final String PLATFORM = "x";

  @Override
  public String name() {
    return SourceFormats.X_API_V2;
  }

  @Override
  public String pathGlobFilter() {
    return "*.{jsonl,json,jsonl.gz,json.gz}";
  }

  @Override
  public String filesDescription() {
    return "*.jsonl, *.json (optionally .gz)";
  }

  @Override
  public List<LandingRecord> parse(RawLandingFile file, FormatOptions options) {
    String text;
    try {
      text = Content.text(Content.decompressed(file.content()));
    } catch (IOException e) {
      return Content.undecompressable(file, e);
    }
    String fileTime = options.xFetchedAtFallback().equals(FormatOptions.FALLBACK_FILE_MODIFICATION_TIME)
        && file.modificationTime() != null ? file.modificationTime().toString() : null;
    List<LandingRecord> out = new ArrayList<>();
    int usedFileTime = 0;
    long lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank()) {
        continue;
      }
      JsonNode response;
      try {
        response = Json.MAPPER.readTree(l);
      } catch (JsonProcessingException e) {
        out.add(LandingRecord.error(lineNumber, l, ReasonCode.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage()));
        continue;
      }
      if (response == null || !response.isObject()) {
        out.add(LandingRecord.error(lineNumber, l, ReasonCode.MALFORMED_JSON, "not a JSON object"));
        continue;
      }
      String fetchedAt = Json.text(response, MentionsSchema.FETCHED_AT);
      if (fetchedAt == null) {
        fetchedAt = Json.text(response.path("__twarc"), "retrieved_at");
      }
      if (fetchedAt == null && fileTime != null) {
        fetchedAt = fileTime;
        usedFileTime++;
      }
      out.addAll(mentions(lineNumber, l, response, fetchedAt));
    }
    if (usedFileTime > 0) {
      LOG.warn("{}: {} response(s) without fetched_at: using the file's modification time {}", file.fileName(),
          usedFileTime, fileTime);
    }
    return out;
  }

  /** The mentions of one response line. */
  static List<LandingRecord> mentions(long lineNumber, String line, JsonNode response, String fetchedAt) {
    JsonNode data = response.get("data");
    if (data == null || data.isNull()) {
      if (response.has("errors")) {
        return List.of(LandingRecord.error(lineNumber, line, ReasonCode.UNMAPPABLE_RECORD,
            "an API error response without posts: " + abbreviate(response.get("errors").toString())));
      }
      if (response.has("meta")) {
        // A page with no results holds no record.
        return List.of();
      }
      return List.of(LandingRecord.error(lineNumber, line, ReasonCode.FORMAT_MISMATCH,
          "no data, meta or errors: not an X API v2 response"));
    }
    List<JsonNode> posts = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(posts::add);
    } else {
      posts.add(data);
    }
    Map<String, JsonNode> users = new HashMap<>();
    for (JsonNode u : response.path("includes").path("users")) {
      String id = Json.text(u, "id");
      if (id != null) {
        users.putIfAbsent(id, u);
      }
    }
    List<LandingRecord> out = new ArrayList<>(posts.size());
    for (JsonNode post : posts) {
      String raw = "{\"response_line\":" + lineNumber + ",\"post\":" + post + "}";
      if (!post.isObject()) {
        out.add(LandingRecord.error(lineNumber, raw, ReasonCode.FORMAT_MISMATCH, "a post that is not a JSON object"));
        continue;
      }
      String authorId = Json.text(post, "author_id");
      JsonNode author = authorId == null ? null : users.get(authorId);
      if (author == null) {
        out.add(LandingRecord.error(lineNumber, raw, ReasonCode.UNMAPPABLE_RECORD,
            authorId == null ? "the post has no author_id (request tweet.fields=author_id)"
                : "author_id " + authorId + " is not in includes.users (request expansions=author_id"
                    + " and user.fields=public_metrics)"));
        continue;
      }
      out.add(LandingRecord.ok(lineNumber, raw, fields(post, author, fetchedAt)));
    }
    return out;
  }

  private static Map<String, String> fields(JsonNode post, JsonNode author, String fetchedAt) {
    JsonNode metrics = post.path("public_metrics");
    Map<String, String> f = new LinkedHashMap<>();
    put(f, MentionsSchema.MENTION_ID, Json.text(post, "id"));
    f.put(MentionsSchema.PLATFORM, PLATFORM);
    put(f, MentionsSchema.AUTHOR_HANDLE, Json.text(author, "username"));
    put(f, MentionsSchema.AUTHOR_FOLLOWERS, Json.text(author.path("public_metrics"), "followers_count"));
    put(f, MentionsSchema.POSTED_AT, Json.text(post, "created_at"));
    put(f, MentionsSchema.FETCHED_AT, fetchedAt);
    // Long posts carry their full text in note_tweet; text is then truncated.
    String noteText = Json.text(post.path("note_tweet"), "text");
    put(f, MentionsSchema.TEXT, noteText != null ? noteText : Json.text(post, "text"));
    put(f, MentionsSchema.RESHARES, sum(metrics, "retweet_count", "quote_count"));
    put(f, MentionsSchema.REPLIES, Json.text(metrics, "reply_count"));
    put(f, MentionsSchema.LIKES, Json.text(metrics, "like_count"));
    put(f, MentionsSchema.IMPRESSIONS, Json.text(metrics, "impression_count"));
    for (JsonNode ref : post.path("referenced_tweets")) {
      if ("replied_to".equals(Json.text(ref, "type"))) {
        put(f, MentionsSchema.IN_REPLY_TO, Json.text(ref, "id"));
      }
    }
    return f;
  }

  /** a + b when both are whole numbers or absent; otherwise the offending text, for validation to reject. */
  private static String sum(JsonNode metrics, String a, String b) {
    String ta = Json.text(metrics, a);
    String tb = Json.text(metrics, b);
    if (ta == null && tb == null) {
      return null;
    }
    Long la = Json.wholeNumber(metrics, a);
    Long lb = Json.wholeNumber(metrics, b);
    if (ta != null && la == null) {
      return ta;
    }
    if (tb != null && lb == null) {
      return tb;
    }
    return Long.toString((la == null ? 0 : la) + (lb == null ? 0 : lb));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  private static void put(Map<String, String> fields, String column, String value) {
    if (value != null) {
      fields.put(column, value);
    }
  }
}
