package io.servicemetrics.report;

import io.servicemetrics.metrics.ResolutionVersusSpeedHeadline;
import io.servicemetrics.report.KpiTile.Judgement;
import io.servicemetrics.report.PdfPages.Column;
import io.servicemetrics.report.ReportModel.Agent;
import io.servicemetrics.report.ReportModel.ModelTerm;
import io.servicemetrics.report.ReportModel.SourceQuality;
import io.servicemetrics.report.ReportModel.WomMultiplier;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.stats.Interval;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Renders a {@link ReportModel} into the six-page leadership PDF and the charts beside it. Pure
 * Java: no Spark, no clock, no randomness; the same model gives the same bytes.
 */
public final class ServiceReport {
  public static final String TITLE = "Customer service report";
  public static final String SECTION_SUMMARY = "Executive summary";
  public static final String SECTION_RESOLUTION = "Resolution versus speed";
  public static final String SECTION_AGENTS = "Agents: speed versus resolution";
  public static final String SECTION_REPEAT = "Repeat contacts";
  public static final String SECTION_WOM = "Word of mouth";
  public static final String SECTION_DATA_QUALITY = "Data quality appendix";
  /** The staffing page: after the repeat contacts, only when the staffing tables exist (not in SECTIONS). */
  public static final String SECTION_WORTH = "What resolution is worth";
  public static final List<String> SECTIONS = List.of(SECTION_SUMMARY, SECTION_RESOLUTION, SECTION_AGENTS,
      SECTION_REPEAT, SECTION_WOM, SECTION_DATA_QUALITY);

  static final Map<String, String> TERM_LABELS = Map.of(
      ResolutionSpeedModelSchema.TERM_INTERCEPT, "Intercept (baseline CSAT score)",
      ResolutionSpeedModelSchema.TERM_FCR_7D, "Resolved at first contact (yes = 1)",
      ResolutionSpeedModelSchema.TERM_HANDLE_MINUTES, "Handle time (per minute)",
      ResolutionSpeedModelSchema.TERM_WAIT_MINUTES, "Wait time (per minute)",
      ResolutionSpeedModelSchema.TERM_TRANSFERS, "Transfers (each)");

  /** The PDF and every chart it contains (for the PNG and CSV files). */
  public record Rendered(byte[] pdf, List<ReportChart> charts) {}

  private final ReportModel model;
  private final List<ReportChart> charts = new ArrayList<>();
  private PdfPages pages;

  private ServiceReport(ReportModel model) {
    this.model = model;
  }

  public static Rendered render(ReportModel model) throws IOException {
    return new ServiceReport(model).render();
  }

  private Rendered render() throws IOException {
    try (PDDocument document = new PDDocument()) {
      stampMetadata(document);
      try (PdfPages p = new PdfPages(document)) {
        pages = p;
        summaryPage();
        resolutionPage();
        agentsPage();
        repeatPage();
        worthPage();
        womPage();
        dataQualityPage();
        p.finish("Service Metrics \u00B7 " + TITLE, periodText(),
            "Metric definitions version " + versions() + " \u00B7 data as of "
                + ReportFormat.instant(model.asOf().orElse(null)));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return new Rendered(out.toByteArray(), List.copyOf(charts));
    }
  }

  private String periodText() {
    return model.periodDays() + " days: " + ReportFormat.day(model.periodStart()) + " " + ReportFormat.RANGE + " "
        + ReportFormat.day(model.periodEnd());
  }

  private String versions() {
    return model.definitionsVersions().isEmpty() ? ReportFormat.NONE : String.join(", ", model.definitionsVersions());
  }

  /** Dates from the run date and a document id from the period, so reruns give identical files. */
  private void stampMetadata(PDDocument document) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(TITLE + ", " + periodText());
    info.setAuthor("Service Metrics");
    info.setCreator("Service Metrics");
    info.setProducer("Service Metrics (Apache PDFBox)");
    Calendar runDate = GregorianCalendar.from(model.periodEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC));
    runDate.setTimeZone(TimeZone.getTimeZone("UTC"));
    info.setCreationDate(runDate);
    info.setModificationDate(runDate);
    byte[] id = md5("service-metrics-report/" + model.periodEnd() + "/" + model.periodDays());
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().setDocumentID(ids);
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }

  // ---- page 1 -------------------------------------------------------------------------------

  private static final float TILE_HEIGHT = 100;
  private static final float COMPACT_TILE_HEIGHT = 80;
  private static final float COMPACT_VALUE_SIZE = 17f;

  private void summaryPage() throws IOException {
    float y = pages.newPage(null);
    pages.text(TITLE, true, ReportTheme.TITLE_SIZE, ReportTheme.BLUE, PdfPages.LEFT, y - ReportTheme.TITLE_SIZE);
    y -= ReportTheme.TITLE_SIZE + 8;
    pages.text(model.periodDays() + " days ending " + ReportFormat.day(model.periodEnd()) + " ("
            + ReportFormat.day(model.periodStart()) + " " + ReportFormat.RANGE + " " + ReportFormat.day(model.periodEnd())
            + ")" + (model.previous().isPresent()
            ? ", compared with the previous " + model.periodDays() + " days"
            : "; first period: no comparison"),
        false, ReportTheme.SUBHEADING_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y - ReportTheme.SUBHEADING_SIZE);
    y -= ReportTheme.SUBHEADING_SIZE + 18;
    pages.text(SECTION_SUMMARY, true, ReportTheme.HEADING_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y - ReportTheme.HEADING_SIZE);
    y -= ReportTheme.HEADING_SIZE + 12;
    List<KpiTile> tiles = ExecutiveSummary.tiles(model);
    float gap = 12;
    float w = (PdfPages.WIDTH - 3 * gap) / 4;
    // One speed tile or two per channel present: up to twelve tiles, three rows. Past two rows the
    // tiles and gaps tighten so the sentences keep their room on the page.
    int rows = (tiles.size() + 3) / 4;
    boolean compact = rows > 2;
    float h = compact ? COMPACT_TILE_HEIGHT : TILE_HEIGHT;
    float rowGap = compact ? 8 : gap;
    for (int i = 0; i < tiles.size(); i++) {
      float x = PdfPages.LEFT + (i % 4) * (w + gap);
      float top = y - (i / 4) * (h + rowGap);
      tile(tiles.get(i), x, top, w, h, compact);
    }
    y -= rows * h + (rows - 1) * rowGap + (compact ? 14 : 22);
    pages.text("What the numbers say", true, ReportTheme.SUBHEADING_SIZE, ReportTheme.TEXT, PdfPages.LEFT,
        y - ReportTheme.SUBHEADING_SIZE);
    y -= ReportTheme.SUBHEADING_SIZE + (compact ? 5 : 8);
    for (String sentence : ExecutiveSummary.sentences(model)) {
      y = pages.bullet(sentence, compact ? ReportTheme.BODY_SIZE - 0.5f : ReportTheme.BODY_SIZE, PdfPages.LEFT, y,
          PdfPages.WIDTH) - (compact ? 3 : 5);
    }
  }

  private void tile(KpiTile t, float x, float top, float w, float h, boolean compact) throws IOException {
    pages.fill(ReportTheme.TILE, x, top - h, w, h);
    pages.fill(ReportTheme.BLUE, x, top - h, 3, h);
    float pad = 10;
    float y = top - pad - (compact ? 6 : 8);
    float valueSize = compact ? COMPACT_VALUE_SIZE : ReportTheme.TILE_VALUE_SIZE;
    float step = compact ? 12 : 13;
    pages.text(t.label(), true, 8.5f, ReportTheme.MUTED, x + pad, y);
    y -= valueSize + 4;
    pages.text(t.value(), true, valueSize, ReportTheme.TEXT, x + pad, y);
    y -= step;
    if (t.interval() != null) {
      pages.text(t.interval(), false, ReportTheme.SMALL_SIZE, ReportTheme.TEXT, x + pad, y);
    }
    y -= step;
    Color deltaColor = t.judgement() == Judgement.GOOD ? ReportTheme.BLUE
        : t.judgement() == Judgement.BAD ? ReportTheme.VERMILLION : ReportTheme.MUTED;
    String delta = t.trend().arrow().isEmpty()
        ? t.delta()
        : t.trend().arrow() + " " + t.delta() + " vs previous " + model.periodDays() + " days";
    pages.text(delta, true, ReportTheme.SMALL_SIZE, deltaColor, x + pad, y);
    if (t.basis() != null) {
      pages.paragraph(t.basis(), false, compact ? 6.5f : 7f, ReportTheme.MUTED, x + pad, y - (compact ? 2 : 4), w - 2 * pad);
    }
  }

  // ---- page 2 -------------------------------------------------------------------------------

  private void resolutionPage() throws IOException {
    float y = pages.newPage(SECTION_RESOLUTION);
    String missing = CsatBySpeedChart.missing(model);
    float chartW = 470;
    float chartH = 270;
    if (missing == null) {
      y = pages.paragraph("Share of satisfied customers (CSAT 4 or 5 of 5) by how long the contact was handled, for"
              + " contacts resolved at first contact and for the rest. Whiskers are 95% intervals.",
          false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH) - 6;
      ReportChart chart = CsatBySpeedChart.build(model);
      charts.add(chart);
      pages.chart(chart.chart(), PdfPages.LEFT, y, chartW, chartH);
      float rx = PdfPages.LEFT + chartW + 24;
      float rw = PdfPages.RIGHT - rx;
      float ry = y - 6;
      Optional<ResolutionVersusSpeedHeadline> effect = ExecutiveSummary.resolutionEffect(model);
      pages.text("Reading the chart", true, ReportTheme.SUBHEADING_SIZE, ReportTheme.TEXT, rx, ry - ReportTheme.SUBHEADING_SIZE);
      ry -= ReportTheme.SUBHEADING_SIZE + 8;
      if (effect.isPresent()) {
        var e = effect.get();
        Interval gap = e.fcrDifference();
        Interval step = e.quartileStep();
        ry = pages.paragraph("Resolved at first contact: " + ReportFormat.percent(e.resolved().rate()) + " satisfied (n = "
            + ReportFormat.count(e.resolved().n()) + ").", false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, rx, ry, rw) - 4;
        ry = pages.paragraph("Not resolved: " + ReportFormat.percent(e.unresolved().rate()) + " satisfied (n = "
            + ReportFormat.count(e.unresolved().n()) + ").", false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, rx, ry, rw) - 4;
        ry = pages.paragraph("Gap from resolving: " + ReportFormat.points(gap.estimate()) + " (95% CI "
            + ReportFormat.points(gap.low()) + " to " + ReportFormat.points(gap.high()) + ").",
            true, ReportTheme.BODY_SIZE, ReportTheme.BLUE, rx, ry, rw) - 4;
        ry = pages.paragraph("Gain per handle-time quartile faster: " + ReportFormat.points(step.estimate())
            + " (95% CI " + ReportFormat.points(step.low()) + " to " + ReportFormat.points(step.high())
            + ").", true, ReportTheme.BODY_SIZE, ReportTheme.TEXT, rx, ry, rw) - 8;
      }
      pages.paragraph("A gap between the two lines that is wider than the slope along them means resolving matters"
              + " more to customers than speed.", false, ReportTheme.SMALL_SIZE + 1, ReportTheme.MUTED, rx, ry, rw);
      y -= chartH + 14;
    } else {
      y = pages.paragraph(missing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 14;
    }
    pages.text("What drives the CSAT score: regression", true, ReportTheme.SUBHEADING_SIZE, ReportTheme.TEXT,
        PdfPages.LEFT, y - ReportTheme.SUBHEADING_SIZE);
    y -= ReportTheme.SUBHEADING_SIZE + 6;
    regressionTable(y);
  }

  private void regressionTable(float top) throws IOException {
    if (model.model().isEmpty()) {
      pages.paragraph("The analytics stage has not run: gold resolution_speed_model is missing.", false,
          ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, top, PdfPages.WIDTH);
      return;
    }
    List<ModelTerm> terms = model.model().get();
    Optional<ModelTerm> failed = terms.stream().filter(t -> t.coefficient() == null).findFirst();
    long sample = terms.stream().mapToLong(ModelTerm::n).max().orElse(0);
    if (sample == 0) {
      pages.paragraph("The regression is not measured: no surveyed contact with a measured first-contact resolution"
              + " in this period.", false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, top, PdfPages.WIDTH);
      return;
    }
    if (terms.isEmpty() || failed.isPresent()) {
      String note = failed.map(ModelTerm::note).orElse(null);
      long n = sample;
      pages.paragraph("The regression could not be fitted this period (n = " + ReportFormat.count(n) + ")"
              + (note == null ? "." : ": " + note + "."),
          false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, top, PdfPages.WIDTH);
      return;
    }
    long n = terms.get(0).n();
    int predictors = terms.size() - 1;
    double df = n - predictors - 1;
    double t = df > 0 ? new TDistribution(df).inverseCumulativeProbability(0.975) : Double.NaN;
    List<Column> columns = List.of(
        new Column("Term", 250, false), new Column("Effect on CSAT (1\u20135)", 120, true),
        new Column("95% interval", 150, true), new Column("p-value", 80, true),
        new Column("Standardized \u03B2", 100, true), new Column("t", 62, true));
    List<List<String>> rows = new ArrayList<>();
    for (ModelTerm term : terms) {
      String ci = term.stdError() == null || Double.isNaN(t)
          ? ReportFormat.NONE
          : ReportFormat.coefficient(term.coefficient() - t * term.stdError()) + " to "
              + ReportFormat.coefficient(term.coefficient() + t * term.stdError());
      rows.add(List.of(TERM_LABELS.getOrDefault(term.term(), term.term()), ReportFormat.coefficient(term.coefficient()),
          ci, ReportFormat.pValue(term.pValue()),
          term.standardizedBeta() == null ? "" : ReportFormat.coefficient(term.standardizedBeta()),
          ReportFormat.decimal(term.tStat())));
    }
    float y = pages.table(PdfPages.LEFT, top, columns, rows, 9f);
    pages.paragraph("Ordinary least squares of the CSAT score (1\u20135) on the terms above, n = "
            + ReportFormat.count(n) + " surveyed contacts, R\u00B2 = " + String.format(java.util.Locale.ROOT, "%.3f",
            terms.get(0).rSquared() == null ? Double.NaN : terms.get(0).rSquared())
            + ". Each effect holds the other terms fixed; the interval is coefficient \u00B1 t \u00D7 standard error.",
        false, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y - 4, PdfPages.WIDTH);
  }

  // ---- page 3 -------------------------------------------------------------------------------

  private void agentsPage() throws IOException {
    float y = pages.newPage(SECTION_AGENTS);
    String missing = AgentsPage.missing(model);
    if (missing != null) {
      pages.paragraph(missing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH);
      return;
    }
    List<Agent> plotted = AgentsPage.plotted(model);
    String basis = model.current().map(ExecutiveSummary::fcrBasisSentence).orElse("");
    if (!basis.isEmpty()) {
      y = pages.paragraph(basis, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 2;
    }
    y = pages.paragraph("Each point is an agent with at least " + AgentMetricsSchema.MIN_FCR_ELIGIBLE_CHAINS
            + " FCR-eligible contacts (" + plotted.size() + " agents; " + model.agentsInsufficient()
            + " with less data are left out); point size grows with contacts handled. Dashed lines are the medians.",
        false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH) - 6;
    ReportChart chart = AgentsPage.build(model);
    charts.add(chart);
    float chartW = 470;
    float chartH = 380;
    pages.chart(chart.chart(), PdfPages.LEFT, y, chartW, chartH);
    float rx = PdfPages.LEFT + chartW + 24;
    float rw = PdfPages.RIGHT - rx;
    List<Agent> trapped = plotted.stream().filter(a -> AgentMetricsSchema.SPEED_TRAP.equals(a.quadrant()))
        .sorted(Comparator.comparingLong(Agent::chains).reversed().thenComparing(Agent::agentId)).toList();
    float ry = y - 6;
    pages.text("The speed trap", true, ReportTheme.SUBHEADING_SIZE, ReportTheme.VERMILLION, rx, ry - ReportTheme.SUBHEADING_SIZE);
    ry -= ReportTheme.SUBHEADING_SIZE + 8;
    ry = pages.paragraph(trapped.size() + " of " + plotted.size() + " agents handle contacts faster than the median"
            + " agent but resolve fewer at first contact: their customers come back.",
        false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, rx, ry, rw) - 10;
    if (!trapped.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (Agent a : trapped.subList(0, Math.min(10, trapped.size()))) {
        rows.add(List.of(a.agentId(), a.team() == null ? "" : a.team(), ReportFormat.count(a.chains()),
            ReportFormat.duration(a.ahtSeconds()), ReportFormat.percent(a.fcr7dRate())));
      }
      float cw = rw / 5;
      pages.table(rx, ry, List.of(new Column("Agent", cw * 1.2f, false), new Column("Team", cw * 1.1f, false),
          new Column("Contacts", cw * 0.95f, true), new Column("AHT", cw * 0.8f, true),
          new Column("FCR", cw * 0.95f, true)), rows, 8.5f);
    }
  }

  // ---- page 4 -------------------------------------------------------------------------------

  private void repeatPage() throws IOException {
    float y = pages.newPage(SECTION_REPEAT);
    String missing = RepeatCharts.trendMissing(model);
    if (missing == null) {
      String basis = model.current().map(ExecutiveSummary::fcrBasisSentence).orElse("");
      y = pages.paragraph("Daily share of contacts followed by another contact from the same customer within 7 days,"
              + " and the share resolved at first contact." + (basis.isEmpty() ? "" : " " + basis) + " Days after "
              + ReportFormat.day(model.lastFinalRepeatDay())
              + " are not yet final: their 7-day window is still open (dotted, shaded).",
          false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH) - 4;
      ReportChart trend = RepeatCharts.buildTrend(model);
      charts.add(trend);
      pages.chart(trend.chart(), PdfPages.LEFT, y, PdfPages.WIDTH, 215);
      y -= 215 + 10;
    } else {
      y = pages.paragraph(missing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 12;
    }
    float half = (PdfPages.WIDTH - 24) / 2;
    drivers(true, PdfPages.LEFT, y, half);
    drivers(false, PdfPages.LEFT + half + 24, y, half);
  }

  private void drivers(boolean byQueue, float x, float top, float w) throws IOException {
    pages.text(byQueue ? "Top drivers by queue" : "Top drivers by issue category", true, ReportTheme.SUBHEADING_SIZE,
        ReportTheme.TEXT, x, top - ReportTheme.SUBHEADING_SIZE);
    float y = top - ReportTheme.SUBHEADING_SIZE - 6;
    String missing = RepeatCharts.driversMissing(model, byQueue);
    if (missing != null) {
      pages.paragraph(missing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, x, y, w);
      return;
    }
    y = pages.paragraph(RepeatCharts.driversCaption(model, byQueue), false, ReportTheme.SMALL_SIZE + 1,
        ReportTheme.MUTED, x, y, w) - 2;
    ReportChart chart = RepeatCharts.buildDrivers(model, byQueue);
    charts.add(chart);
    pages.chart(chart.chart(), x, y, w, Math.max(120, y - PdfPages.BOTTOM));
  }

  // ---- what resolution is worth (issue 19) ----------------------------------------------------

  private void worthPage() throws IOException {
    if (model.worth().isEmpty()) {
      return;
    }
    ResolutionWorth w = model.worth().get();
    float y = pages.newPage(SECTION_WORTH);
    String missing = WorthPage.missing(w);
    if (missing != null) {
      y = pages.paragraph(missing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 10;
    } else {
      y = pages.paragraph(WorthPage.caption(w), false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y,
          PdfPages.WIDTH) - 4;
      ReportChart chart = WorthPage.build(w);
      charts.add(chart);
      float chartW = 470;
      float chartH = 215;
      pages.chart(chart.chart(), PdfPages.LEFT, y, chartW, chartH);
      float rx = PdfPages.LEFT + chartW + 24;
      float rw = PdfPages.RIGHT - rx;
      float ry = y - 6;
      pages.text("Now versus +" + ResolutionWorth.PAGE_GAIN_POINTS + " points FCR", true, ReportTheme.SUBHEADING_SIZE,
          ReportTheme.TEXT, rx, ry - ReportTheme.SUBHEADING_SIZE);
      ry -= ReportTheme.SUBHEADING_SIZE + 8;
      for (String line : WorthPage.figures(w)) {
        ry = pages.paragraph(line, line.startsWith("Worth"), ReportTheme.BODY_SIZE - 0.5f,
            line.startsWith("Worth") ? ReportTheme.BLUE : ReportTheme.TEXT, rx, ry, rw) - 5;
      }
      y = Math.min(y - chartH, ry) - 10;
    }
    if (!w.values().isEmpty()) {
      float[] cw = {150, 50, 95, 85, 95, 105, 100};
      float last = PdfPages.WIDTH - 680;
      y = pages.table(PdfPages.LEFT, y, List.of(new Column("Scope", cw[0], false), new Column("FCR gain", cw[1], true),
          new Column("Repeat chains avoided", cw[2], true), new Column("Contacts avoided", cw[3], true),
          new Column("Agent hours avoided", cw[4], true), new Column("Position hours saved", cw[5], true),
          new Column("Busiest interval (positions)", cw[6], true), new Column("Cost saved", last, true)),
          WorthPage.valueTable(w), 8.5f) - 6;
    }
    pages.paragraph(WorthPage.assumptions(w), false, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y,
        PdfPages.WIDTH);
  }

  // ---- page 5 -------------------------------------------------------------------------------

  private void womPage() throws IOException {
    float y = pages.newPage(SECTION_WOM);
    y = pages.paragraph("How many people hear about an unhappy experience compared with a happy one: people reached"
            + " by social mentions attributed to customers after a contact (experiences), and all mentions of the"
            + " company (mentions). Reference lines: about 2x in published consumer studies, 11x in the folklore.",
        false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH) - 6;
    float leftW = 270;
    // The scorer's paragraph and the corrected and reshare rows take room below: the charts give it
    // up, so the notes at the foot still end above the footer.
    String sentiment = WomCharts.sentimentText(model);
    int extraRows = Math.max(0, WomCharts.ratios(model).size() - 4);
    float chartH = 250 - 10 * extraRows - (sentiment == null ? 0 : 20);
    String toldMissing = WomCharts.toldMissing(model);
    // The lowest point the two columns reach: a chart's height, or a paragraph's when neither draws.
    float bottom = y;
    if (toldMissing == null) {
      ReportChart told = WomCharts.buildTold(model);
      charts.add(told);
      pages.chart(told.chart(), PdfPages.LEFT, y, leftW, chartH);
      bottom = y - chartH;
    } else {
      bottom = Math.min(bottom,
          pages.paragraph(toldMissing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, leftW));
    }
    float rx = PdfPages.LEFT + leftW + 20;
    String ratiosMissing = WomCharts.ratiosMissing(model);
    if (ratiosMissing == null) {
      ReportChart ratios = WomCharts.buildRatios(model);
      charts.add(ratios);
      pages.chart(ratios.chart(), rx, y, PdfPages.RIGHT - rx, chartH);
      bottom = Math.min(bottom, y - chartH);
    } else {
      bottom = Math.min(bottom, pages.paragraph(ratiosMissing, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, rx, y,
          PdfPages.RIGHT - rx));
    }
    y = bottom - 14;
    List<List<String>> rows = new ArrayList<>();
    // A table of nothing but "n/a" has nothing true to show: only with at least one ratio.
    List<WomCharts.Ratio> measured = ratiosMissing == null ? WomCharts.ratios(model) : List.of();
    for (WomCharts.Ratio r : measured) {
      rows.add(List.of(r.label(), ReportFormat.ratio(r.value()), ReportFormat.ratioRange(r.low(), r.high()),
          r.nNegative() == null ? "" : ReportFormat.count(r.nNegative()),
          r.nPositive() == null ? "" : ReportFormat.count(r.nPositive())));
    }
    if (!rows.isEmpty()) {
      y = pages.table(PdfPages.LEFT, y, List.of(new Column("Measure", 240, false), new Column("Unhappy / happy", 110, true),
          new Column("95% interval", 120, true), new Column("Unhappy n", 90, true), new Column("Happy n", 90, true)),
          rows, 9f) - 8;
    }
    if (sentiment != null) {
      y = pages.paragraph(sentiment, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH)
          - 6;
    }
    Optional<WomMultiplier> w = model.womMultiplier();
    if (w.isPresent()) {
      WomMultiplier m = w.get();
      String shares = m.noMentions()
          ? "Share of experiences followed by a mention: " + ReportFormat.NOT_MEASURED + " (no mentions were delivered"
              + " for the period)."
          : m.negativeExperiences() == 0 && m.positiveExperiences() == 0
          // Mentions without any contact experience to follow: a share of nothing is no "n/a of unhappy".
          ? "Share of experiences followed by a mention: " + ReportFormat.NOT_MEASURED + " (no contact experience"
              + " with a complete follow window in the period)."
          : "Share of experiences followed by a mention: " + ReportFormat.percent(m.negativeMentioningShare())
              + " of unhappy, " + ReportFormat.percent(m.positiveMentioningShare()) + " of happy.";
      String left = m.unknownExperiences() == 0 ? ""
          : " Left out: " + ReportFormat.count(m.unknownExperiences()) + " contacts with neither a survey score nor a"
              + " reported outcome (their experience is unknown, not unhappy).";
      String text = shares + left
          + (m.surveyMultiplier() == null ? "" : " Customers' own answer in surveys (people told, unhappy versus happy): "
              + ReportFormat.ratio(m.surveyMultiplier()) + ".")
          + noteText(m);
      pages.paragraph(text, false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH);
    }
  }

  /** The gold note without the reasons the page has already given in words. */
  private static String noteText(WomMultiplier m) {
    if (m.note() == null) {
      return "";
    }
    List<String> parts = java.util.Arrays.stream(m.note().split("; "))
        .filter(p -> !p.startsWith("multiplier: not measured") && !p.startsWith("experiences: "))
        .toList();
    return parts.isEmpty() ? "" : " Note: " + String.join("; ", parts) + ".";
  }

  // ---- page 6 -------------------------------------------------------------------------------

  private void dataQualityPage() throws IOException {
    float y = pages.newPage(SECTION_DATA_QUALITY);
    y = pages.paragraph("Records delivered between " + ReportFormat.day(model.periodStart()) + " and "
            + ReportFormat.day(model.periodEnd()) + " (latest successful ingest per source and delivery day). Every"
            + " record read is accepted, quarantined with a reason, or superseded by a newer version of itself.",
        false, ReportTheme.BODY_SIZE, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH) - 8;
    if (model.dataQuality().isEmpty()) {
      y = pages.paragraph("The ingest stage has not run: meta run_log is missing.", false, ReportTheme.BODY_SIZE,
          ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 10;
    } else if (model.dataQuality().get().isEmpty()) {
      y = pages.paragraph("No ingest runs succeeded for delivery dates in this period.", false, ReportTheme.BODY_SIZE,
          ReportTheme.TEXT, PdfPages.LEFT, y, PdfPages.WIDTH) - 10;
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (SourceQuality s : model.dataQuality().get()) {
        String reasons = s.quarantineReasons().isEmpty() ? "none" : s.quarantineReasons().entrySet().stream()
            .map(e -> e.getKey() + " " + ReportFormat.count(e.getValue())).collect(Collectors.joining(", "));
        rows.add(List.of(s.source(), Integer.toString(s.deliveryDays()), ReportFormat.count(s.read()),
            ReportFormat.count(s.accepted()), ReportFormat.count(s.quarantined()), ReportFormat.count(s.superseded()),
            reasons));
      }
      y = pages.table(PdfPages.LEFT, y, List.of(new Column("Source", 110, false), new Column("Delivery days", 80, true),
          new Column("Read", 80, true), new Column("Accepted", 80, true), new Column("Quarantined", 85, true),
          new Column("Superseded", 85, true), new Column("Quarantined by reason", PdfPages.WIDTH - 520, false)),
          rows, 9f) - 14;
    }
    pages.text("Definitions", true, ReportTheme.SUBHEADING_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y - ReportTheme.SUBHEADING_SIZE);
    y -= ReportTheme.SUBHEADING_SIZE + 6;
    y = pages.paragraph("Metric definitions version: " + versions() + ". Data as of: "
            + ReportFormat.instant(model.asOf().orElse(null)) + ". Definitions are in docs/METRICS.md and the"
            + " meta_metric_definitions table.", false, ReportTheme.BODY_SIZE, ReportTheme.TEXT, PdfPages.LEFT, y,
        PdfPages.WIDTH) - 6;
    pages.paragraph("Repeat contact: another contact from the same customer within 7 days after the contact ended."
            + " First-contact resolution (FCR): resolved and no repeat within 7 days; where the contact records carry"
            + " no resolution outcome, answered and no repeat within 7 days. A figure whose input was not delivered"
            + " reads \"not measured\", with the reason. CSAT: share of survey answers 4 or"
            + " 5 of 5. NPS: promoters minus detractors, in points. Intervals are 95%: Wilson for shares, trinomial for"
            + " NPS, bootstrap for word-of-mouth ratios.",
        false, ReportTheme.SMALL_SIZE + 1, ReportTheme.MUTED, PdfPages.LEFT, y, PdfPages.WIDTH);
  }
}
