package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.MentionsSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XApiV2FormatTest {
  static final String RESPONSE = "{\"data\":["
      + "{\"id\":\"1851\",\"text\":\"@acme_help worst service ever\",\"created_at\":\"2026-11-02T16:00:00.000Z\",\"author_id\":\"u1\","
      + "\"public_metrics\":{\"retweet_count\":2,\"reply_count\":1,\"like_count\":5,\"quote_count\":1,\"impression_count\":300}},"
      + "{\"id\":\"1852\",\"text\":\"@jo_doe same here\",\"created_at\":\"2026-11-02T16:30:00.000Z\",\"author_id\":\"u2\","
      + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"1851\"}],"
      + "\"public_metrics\":{\"retweet_count\":0,\"reply_count\":0,\"like_count\":1,\"quote_count\":0}},"
      + "{\"id\":\"1853\",\"text\":\"who am I\",\"created_at\":\"2026-11-02T16:40:00.000Z\",\"author_id\":\"u9\"}],"
      + "\"includes\":{\"users\":[{\"id\":\"u1\",\"username\":\"Jo_Doe\",\"public_metrics\":{\"followers_count\":120}},"
      + "{\"id\":\"u2\",\"username\":\"sam\",\"public_metrics\":{\"followers_count\":7}}]},"
      + "\"meta\":{\"result_count\":3},\"fetched_at\":\"2026-11-02T17:00:00Z\"}";

  private static List<LandingRecord> parse(String text, FormatOptions options, Instant modified) {
    return new XApiV2Format().parse(new RawLandingFile("x.jsonl", text.getBytes(StandardCharsets.UTF_8), modified), options);
  }

  @Test
  void oneMentionPerPostJoinedToItsAuthorAndAPostWithoutAuthorIsQuarantined() {
    List<LandingRecord> records = parse("\n" + RESPONSE + "\n", FormatOptions.DEFAULTS, null);
    assertEquals(3, records.size());
    Map<String, String> m = records.get(0).fields();
    assertEquals("1851", m.get(MentionsSchema.MENTION_ID));
    assertEquals("x", m.get(MentionsSchema.PLATFORM));
    assertEquals("Jo_Doe", m.get(MentionsSchema.AUTHOR_HANDLE));
    assertEquals("120", m.get(MentionsSchema.AUTHOR_FOLLOWERS));
    assertEquals("2026-11-02T16:00:00.000Z", m.get(MentionsSchema.POSTED_AT));
    assertEquals("2026-11-02T17:00:00Z", m.get(MentionsSchema.FETCHED_AT));
    assertEquals("3", m.get(MentionsSchema.RESHARES), "retweets 2 + quotes 1");
    assertEquals("1", m.get(MentionsSchema.REPLIES));
    assertEquals("5", m.get(MentionsSchema.LIKES));
    assertEquals("300", m.get(MentionsSchema.IMPRESSIONS));
    assertFalse(m.containsKey(MentionsSchema.IN_REPLY_TO));
    Map<String, String> reply = records.get(1).fields();
    assertEquals("sam", reply.get(MentionsSchema.AUTHOR_HANDLE));
    assertEquals("1851", reply.get(MentionsSchema.IN_REPLY_TO));
    assertFalse(reply.containsKey(MentionsSchema.IMPRESSIONS), "no impression_count, no impressions");

    assertEquals(List.of(2L, 2L, 2L), records.stream().map(LandingRecord::recordNumber).toList(),
        "every mention carries its response's line");
    assertTrue(records.get(0).rawRecord().startsWith("{\"response_line\":2,\"post\":{\"id\":\"1851\""),
        records.get(0).rawRecord());
    assertEquals("unmappable_record", records.get(2).errorCode());
    assertTrue(records.get(2).errorDetail().contains("u9"), records.get(2).errorDetail());
  }

  @Test
  void fetchedAtComesFromTheLineThenTwarcThenTheFileTimeUnlessThatIsSwitchedOff() {
    Instant modified = Instant.parse("2026-11-02T18:00:00Z");
    String noField = RESPONSE.replace(",\"fetched_at\":\"2026-11-02T17:00:00Z\"", "");
    String twarc = noField.replace("\"meta\":", "\"__twarc\":{\"retrieved_at\":\"2026-11-02T17:30:00+00:00\"},\"meta\":");
    assertEquals("2026-11-02T17:30:00+00:00",
        parse(twarc, FormatOptions.DEFAULTS, modified).get(0).fields().get(MentionsSchema.FETCHED_AT));
    assertEquals("2026-11-02T18:00:00Z",
        parse(noField, FormatOptions.DEFAULTS, modified).get(0).fields().get(MentionsSchema.FETCHED_AT));
    FormatOptions none = FormatOptions.of(Map.of(FormatOptions.X_FETCHED_AT_FALLBACK, FormatOptions.FALLBACK_NONE));
    assertFalse(parse(noField, none, modified).get(0).fields().containsKey(MentionsSchema.FETCHED_AT),
        "no fallback: blank, so validation quarantines it as missing_required");
  }

  @Test
  void errorResponsesEmptyPagesAndBrokenLinesEachGetTheirReason() {
    String text = String.join("\n",
        "{\"errors\":[{\"title\":\"Not Found Error\"}]}",
        "{\"meta\":{\"result_count\":0}}",
        "{\"data\":[{\"id\":\"1\"",
        "{\"something\":\"else\"}",
        "[1]");
    List<LandingRecord> records = parse(text, FormatOptions.DEFAULTS, null);
    assertEquals(List.of("unmappable_record", "malformed_json", "format_mismatch", "malformed_json"),
        records.stream().map(LandingRecord::errorCode).toList(), "the empty page holds no record");
    assertEquals(List.of(1L, 3L, 4L, 5L), records.stream().map(LandingRecord::recordNumber).toList());
  }

  @Test
  void nonIntegerCountsPassOnForValidationToReject() {
    String text = RESPONSE.replace("\"retweet_count\":2", "\"retweet_count\":\"2k\"");
    assertEquals("2k", parse(text, FormatOptions.DEFAULTS, null).get(0).fields().get(MentionsSchema.RESHARES));
  }
}
