package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.budget.Verdict;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.history.Build;
import org.kslim.history.Builds;
import org.kslim.history.HistoryStore;
import org.kslim.history.SizeHistory;
import org.kslim.size.Measure;
import org.kslim.testing.BrowserTest;
import org.kslim.testing.HeadlessChromium;

/** Opens report.html of a known split in headless Chromium and uses it as a person would. */
class SplitReportBrowserTest {
  @TempDir Path dir;

  @BrowserTest
  void rendersBudgetsTreemapAndSearchWithoutTheNetwork() throws Exception {
    SplitAnalysis analysis = fixtureAnalysis();
    Path html = dir.resolve("report.html");
    Files.writeString(html, SplitReportHtml.render(SplitReportJson.toJson(analysis)));

    try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
      chromium.open(html);
      assertThat(chromium.evaluate("document.getElementById('verdict').textContent").asText()).isEqualTo("PASS");

      Verdict installed = verdict(analysis, Measure.INSTALLED);
      JsonNode bar = chromium.evaluate("(() => { const s = document.querySelector("
          + "'svg.budget-bar[data-package=core][data-measure=installed]');"
          + " return {actual: +s.dataset.actual, limit: +s.dataset.limit, budget: +s.dataset.budget,"
          + " fill: +s.querySelector('rect.fill').getAttribute('width'),"
          + " text: s.closest('.verdict').textContent}; })()");
      assertThat(bar.path("actual").asLong()).isEqualTo(installed.actual());
      assertThat(bar.path("limit").asLong()).isEqualTo(10_000 + 8192);
      assertThat(bar.path("budget").asLong()).isEqualTo(10_000);
      assertThat(bar.path("fill").asDouble()).isCloseTo(240.0 * installed.actual() / installed.limit(), within(0.1));
      assertThat(bar.path("text").asText()).contains(ByteUnits.format(installed.actual()) + " of " + ByteUnits.format(18_192))
          .contains("waiver +8.0 KiB until 2027-06-30, approved by release-team: firmware loader");
      assertThat(chromium.evaluate("document.querySelectorAll('svg.budget-bar[data-package=core]').length").asInt()).isEqualTo(2);
      assertThat(chromium.evaluate("document.getElementById('expired').textContent").asText())
          .contains("optional compressed +1.0 KiB expired 2026-01-31");

      long coreModules = moduleBytes(analysis, "core");
      JsonNode top = chromium.evaluate("[...document.querySelectorAll('#treemap-svg rect[data-kind=package]')]"
          + ".map(r => ({name: r.dataset.name, value: +r.dataset.value, area: r.width.baseVal.value * r.height.baseVal.value}))");
      assertThat(top).hasSize(2);
      assertThat(top.findValuesAsText("name")).containsExactlyInAnyOrder("core", "optional");
      JsonNode core = top.get(0).path("name").asText().equals("core") ? top.get(0) : top.get(1);
      JsonNode optional = core == top.get(0) ? top.get(1) : top.get(0);
      long coreInstalled = analysis.sizes().get("core").get(Measure.INSTALLED);
      assertThat(core.path("value").asLong()).isEqualTo(coreInstalled);
      assertThat(optional.path("value").asLong()).isEqualTo(analysis.sizes().get("optional").get(Measure.INSTALLED));
      double share = (double) coreInstalled / (coreInstalled + optional.path("value").asLong());
      assertThat(core.path("area").asDouble() / (1160.0 * 520)).isCloseTo(share, within(0.01));

      chromium.click("#treemap-svg rect[data-name=core]");
      assertThat(chromium.evaluate("document.getElementById('treemap-svg').dataset.focus").asText()).isEqualTo("core");
      assertThat(chromium.evaluate("[...document.querySelectorAll('#treemap-svg rect[data-kind=subsystem]')].map(r => r.dataset.name).sort()"))
          .extracting(JsonNode::asText).containsExactly("drivers/block", "drivers/virtio");
      assertThat(chromium.evaluate("+document.querySelector('#treemap-svg rect[data-kind=other]').dataset.value").asLong())
          .isEqualTo(coreInstalled - coreModules);
      chromium.click("#treemap-svg rect[data-name='drivers/virtio']");
      assertThat(chromium.evaluate("[...document.querySelectorAll('#treemap-svg rect[data-kind=module]')].map(r => r.dataset.name)"))
          .extracting(JsonNode::asText).containsExactly("virtio_ring");
      chromium.click("#crumbs span");
      chromium.click("input[name=measure][value=compressed]");
      assertThat(chromium.evaluate("+document.getElementById('treemap-svg').dataset.total").asLong())
          .isEqualTo(analysis.sizes().get("core").get(Measure.COMPRESSED) + analysis.sizes().get("optional").get(Measure.COMPRESSED));

      chromium.type("#search", "virtio_ring");
      String explained = chromium.evaluate("document.getElementById('explain').textContent").asText();
      assertThat(explained).contains("package core, subsystem drivers/virtio")
          .contains("rule default \u2192 optional: the rest is optional")
          .contains("moved: the rule wants optional, it ends in core because kernel/drivers/block/virtio_blk.ko (needs-it, in core)");
      chromium.click("#explain button");
      assertThat(chromium.evaluate("document.querySelector('#treemap-svg rect.hit').dataset.name").asText()).isEqualTo("virtio_ring");

      chromium.click("#modules-table th[data-key=installed]");
      String largest = analysis.modules().modules().stream().max(java.util.Comparator.comparingLong(m -> m.storedSize()))
          .orElseThrow().name();
      assertThat(chromium.evaluate("document.querySelector('#modules-table tbody tr td').textContent").asText()).isEqualTo(largest);
      chromium.click("#modules-table th[data-key=installed]");
      assertThat(chromium.evaluate("[...document.querySelectorAll('#modules-table tbody tr')].map(r => r.cells[0].textContent)"))
          .extracting(JsonNode::asText).endsWith(largest);

      chromium.click("#crumbs span");
      chromium.click("input[name=measure][value=installed]");
      chromium.click("#treemap-svg rect[data-name=core]");
      Path png = Path.of("target", "browser", "report.png");
      Files.createDirectories(png.getParent());
      Files.write(png, chromium.screenshot());
      assertThat(Files.size(png)).isGreaterThan(10_000);

      assertThat(chromium.pageErrors()).isEmpty();
      assertThat(chromium.requestedUrls()).isNotEmpty().allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));
    }
  }

  @BrowserTest
  void showsWhatIfAndTrendWithTheBudgetLineWhenTheReportHoldsThem() throws Exception {
    SplitAnalysis analysis = fixtureAnalysis();
    Path policy = dir.resolve("policy.yaml");
    Path earlierInput = Files.writeString(dir.resolve("earlier.deb"), "an earlier package");
    HistoryStore store = HistoryStore.open("jdbc:sqlite:" + dir.resolve("history.db"));
    store.record(Builds.of(analysis, earlierInput, Files.readString(policy), Instant.parse("2026-11-01T00:00:00Z")));
    Build current = Builds.of(analysis, dir.resolve("tree/boot/vmlinuz-" + SplitAnalyzerFixtures.KVER),
        Files.readString(policy), Instant.parse("2026-11-26T00:00:00Z"));
    ReportSections sections = ReportSections.NONE.withTrend(SizeHistory.around(store, current));
    ObjectNode report = (ObjectNode) new ObjectMapper().readTree(SplitReportJson.toJson(analysis, List.of(), sections));
    report.set("whatif", new ObjectMapper().readTree("""
        [{"change": "move drm to core", "passed": false,
          "packages": [{"name": "core", "measures": {"installed": 20000, "compressed": 900},
                        "delta": {"installed": 472, "compressed": 200}, "bound": {"compressed": 64}}]}]
        """));
    Path html = dir.resolve("report.html");
    Files.writeString(html, SplitReportHtml.render(report.toString()));
    try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
      chromium.open(html);
      assertThat(chromium.evaluate("document.getElementById('whatif-section').hidden").asBoolean()).isFalse();
      assertThat(chromium.evaluate("document.getElementById('whatif').textContent").asText())
          .contains("move drm to core").contains("FAIL").contains("19.5 KiB").contains("472 B").contains("64 B");
      assertThat(chromium.evaluate("document.getElementById('trend-section').hidden").asBoolean()).isFalse();
      assertThat(chromium.evaluate("[...document.querySelectorAll('svg.trend polyline')]"
          + ".map(p => p.closest('svg').dataset.measure + ' ' + p.dataset.package + ' ' + p.getAttribute('points').split(' ').length)"))
          .extracting(JsonNode::asText).containsExactly("installed core 2", "installed optional 2", "compressed core 2", "compressed optional 2");
      assertThat(chromium.evaluate("[...document.querySelectorAll('svg.trend line.budget-line')]"
          + ".map(l => l.closest('svg').dataset.measure + ' ' + l.dataset.package + ' ' + l.dataset.budget)"))
          .extracting(JsonNode::asText).containsExactly("installed core 10000", "compressed core 1048576");
      assertThat(chromium.evaluate("document.querySelector('svg.trend').textContent").asText())
          .contains("build:1").contains("build:1 " + SplitAnalyzerFixtures.KVER).contains("this build");
      assertThat(chromium.pageErrors()).isEmpty();
    }
  }

  private SplitAnalysis fixtureAnalysis() throws Exception {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "10000, compressed: 1MiB");
    Files.writeString(policy, """
        waivers:
          - {package: core, measure: installed, allow: 8KiB, reason: firmware loader, approved-by: release-team, expires: 2027-06-30}
          - {package: optional, measure: compressed, allow: 1KiB, reason: old, approved-by: release-team, expires: 2026-01-31}
        """, StandardOpenOption.APPEND);
    return SplitAnalyzer.analyze(CheckRequest.of(tree, policy).withToday(LocalDate.of(2026, 11, 26)));
  }

  private static Verdict verdict(SplitAnalysis analysis, Measure measure) {
    return analysis.budgets().verdicts().stream().filter(v -> v.pkg().equals("core") && v.measure() == measure).findFirst().orElseThrow();
  }

  private static long moduleBytes(SplitAnalysis analysis, String pkg) {
    return analysis.modules().modules().stream().filter(m -> analysis.split().explain(m.path()).pkg().equals(pkg))
        .mapToLong(m -> m.storedSize()).sum();
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
