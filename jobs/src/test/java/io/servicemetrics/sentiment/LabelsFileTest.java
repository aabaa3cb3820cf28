package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsFileTest {
  @Test
  void readsASampleFileFilledInIgnoringItsOtherColumnsAndEmptyLabels() {
    String csv = "mention_id,platform,posted_at,text,current_label,label\n"
        + "m1,x,2026-03-01T10:00:00Z,\"late, again\",neutral,Negative \n"
        + "m2,x,2026-03-01T11:00:00Z,\"thanks\nso much\",positive,positive\n"
        + "m3,x,2026-03-01T12:00:00Z,hello,neutral,\n"
        + "m1,x,2026-03-01T10:00:00Z,\"late, again\",neutral,negative\n";
    LabelsFile f = LabelsFile.parse(csv, "s.csv");
    assertEquals(List.of(new LabelsFile.Label("m1", "negative", 2), new LabelsFile.Label("m2", "positive", 3)),
        f.labels(), "labels lower-cased and trimmed, the repeated m1 counted once, lines where records start");
    assertEquals(1, f.unlabelled(), "m3 has no label yet");
  }

  @Test
  void namesEveryBadLabelWithItsLine() {
    String csv = "mention_id,label\nm1,negative\nm2,negtive\nm3,good\nm1,positive\n";
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, () -> LabelsFile.parse(csv, "l.csv"));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("The labels file l.csv has 3 bad line(s): line 3: label 'negtive' is not"
        + " negative, neutral or positive; line 4: label 'good' is not negative, neutral or positive; line 5: mention m1"
        + " is labelled positive but negative on line 2"), e.getMessage());
  }

  @Test
  void aHeaderWithoutTheLabelColumnIsBadInput() {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> LabelsFile.parse("mention_id,sentiment\nm1,negative\n", "l.csv"));
    assertTrue(e.getMessage().contains("line 1: the header lacks label (found mention_id, sentiment)"), e.getMessage());
  }
}
