package org.kslim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.Measure;
import org.kslim.split.Cause;
import org.kslim.testing.ElfBuilder;

class WhatIfTest {
  @TempDir static Path dir;
  static WhatIf whatIf;
  static Path modules;
  static CheckRequest request;

  @BeforeAll
  static void analyze() throws IOException {
    Path tree = DecideFixtures.tree(dir);
    modules = tree.resolve("lib/modules/" + DecideFixtures.KVER);
    request = CheckRequest.of(tree, DecideFixtures.policy(dir, "1MiB"));
    whatIf = new WhatIf(SplitAnalyzer.analyze(request, true));
  }

  @Test
  void movesTheSelectedAndWhatOnlyTheyNeedButKeepsASharedDependency() throws IOException {
    WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("i915")), "core", null);

    assertThat(o.to()).contains("optional");
    assertThat(o.selected()).containsExactly(DecideFixtures.I915);
    assertThat(o.moved()).containsExactly(DecideFixtures.DRM, DecideFixtures.KMS, DecideFixtures.I915);
    assertThat(o.acceptable()).isTrue();
    long bytes = size(DecideFixtures.DRM) + size(DecideFixtures.KMS) + size(DecideFixtures.I915);
    assertThat(o.change("core").delta(Measure.INSTALLED)).isEqualTo(-bytes);
    assertThat(o.change("optional").delta(Measure.INSTALLED)).isEqualTo(bytes);
    assertThat(o.change("core").delta(Measure.FILES)).isEqualTo(-3);
    assertThat(o.change("core").delta(Measure.COMPRESSED)).isNegative();
    assertThat(o.change("core").bound(Measure.COMPRESSED)).isPositive();
    assertThat(o.change("core").after(Measure.INSTALLED))
        .isEqualTo(whatIf.analysis().sizes().get("core").get(Measure.INSTALLED) - bytes);
  }

  @Test
  void exactRecompressesAndAgreesOnWhatIsExactAlready() {
    WhatIfOutcome estimate = whatIf.evaluate(List.of(new Selector("kernel/drivers/gpu")), "core", null);
    WhatIfOutcome exact = ExactChange.of(whatIf.analysis(), request, estimate);

    assertThat(exact.moved()).isEqualTo(estimate.moved());
    for (String pkg : List.of("core", "optional")) {
      for (Measure measure : List.of(Measure.FILES, Measure.INSTALLED)) {
        assertThat(exact.change(pkg).delta(measure)).isEqualTo(estimate.change(pkg).delta(measure));
      }
      assertThat(exact.change(pkg).bound(Measure.COMPRESSED)).isZero();
      assertThat(Math.abs(exact.change(pkg).delta(Measure.COMPRESSED) - estimate.change(pkg).delta(Measure.COMPRESSED)))
          .isLessThanOrEqualTo(estimate.change(pkg).bound(Measure.COMPRESSED));
    }
    assertThat(exact.change("core").delta(Measure.COMPRESSED)).isNegative();
  }

  @Test
  void refusesARequiredModuleWithTheRequirementsReason() {
    WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("kernel/drivers/block")), "core", null);

    assertThat(o.refusals()).singleElement().satisfies(r -> {
      assertThat(r.module()).isEqualTo("kernel/drivers/block/virtio_blk.ko");
      assertThat(r.requirement().reason()).isEqualTo("root disk on KVM");
    });
    assertThat(o.acceptable()).isFalse();
  }

  @Test
  void holdsBackASelectedModuleThatAStayingModuleNeedsAsTheSplitWould() {
    WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("drivers/virtio/.*")), "core", null);

    assertThat(o.selected()).containsExactly("kernel/drivers/virtio/virtio_ring.ko");
    assertThat(o.heldBack()).singleElement().satisfies(h -> {
      assertThat(h.module()).isEqualTo("kernel/drivers/virtio/virtio_ring.ko");
      assertThat(h.neededBy()).isEqualTo("kernel/drivers/block/virtio_blk.ko");
      assertThat(h.pkg()).isEqualTo("core");
    });
    assertThat(o.moved()).isEmpty();
    assertThat(o.change("core").delta(Measure.INSTALLED)).isZero();
    assertThat(o.acceptable()).isTrue();
  }

  @Test
  void holdsBackWhatAKeptModuleNeedsAndMovesTheRestOfTheSelection() throws IOException {
    List<Selector> selectors = List.of(new Selector("kernel/net"), new Selector("kernel/lib"));
    WhatIfOutcome o = whatIf.evaluate(selectors, "core", null);

    // i915 stays in core and needs shared; net/foo needs it too but leaves
    assertThat(o.heldBack()).extracting(HeldBack::module, HeldBack::neededBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DecideFixtures.SHARED, DecideFixtures.I915));
    assertThat(o.moved()).containsExactly("kernel/net/foo.ko");

    Path edited = dir.resolve("held-back.yaml");
    Files.writeString(edited, PolicyEdit.apply(Files.readString(request.policyPath()), whatIf, selectors, "core",
        "optional", "test"));
    SplitAnalysis after = SplitAnalyzer.analyze(CheckRequest.of(request.packagePath(), edited));
    assertThat(after.split().packageOf("kernel/net/foo.ko")).isEqualTo("optional");
    assertThat(after.split().packageOf(DecideFixtures.SHARED)).isEqualTo("core");
    assertThat(after.split().violations()).isEmpty();
    assertThat(after.sizes().get("core").get(Measure.INSTALLED)).isEqualTo(o.change("core").after(Measure.INSTALLED));
  }

  @Test
  void thePolicyEditMovesWhatOnlyTheSelectedNeededAsPredicted() throws IOException {
    List<Selector> selectors = List.of(new Selector("kernel/drivers/gpu/i915"));
    WhatIfOutcome o = whatIf.evaluate(selectors, "core", null);
    assertThat(o.moved()).containsExactly(DecideFixtures.DRM, DecideFixtures.KMS, DecideFixtures.I915);

    Path edited = dir.resolve("closure.yaml");
    String text = PolicyEdit.apply(Files.readString(request.policyPath()), whatIf, selectors, "core", "optional", "test");
    Files.writeString(edited, text);
    SplitAnalysis after = SplitAnalyzer.analyze(CheckRequest.of(request.packagePath(), edited));

    assertThat(text).contains("'drivers/gpu/drm/drm\\.ko': optional", "'drivers/gpu/drm/drm_kms_helper\\.ko': optional");
    assertThat(o.moved()).allSatisfy(m -> assertThat(after.split().packageOf(m)).isEqualTo("optional"));
    assertThat(after.split().violations()).isEmpty();
    assertThat(after.sizes().get("core").get(Measure.INSTALLED)).isEqualTo(o.change("core").after(Measure.INSTALLED));
  }

  @Test
  void aModuleLeavesWhenWhatNeedsItLeavesThroughTheClosure(@TempDir Path own) throws IOException {
    // as nft_fib, nft_fib_ipv6 and nft_fib_inet: selecting net/netfilter moves fib6 too (only
    // inet needs it), and with it fib, which fib6 needs
    Path modules = own.resolve("tree/lib/modules/" + DecideFixtures.KVER);
    DecideFixtures.write(modules.resolve("kernel/net/netfilter/fib.ko"), ElfBuilder.x86_64().export("fib_x", 1).build());
    DecideFixtures.write(modules.resolve("kernel/net/ipv6/fib6.ko"),
        ElfBuilder.x86_64().needs("fib_x", 1).export("fib6_x", 2).build());
    DecideFixtures.write(modules.resolve("kernel/net/netfilter/inet.ko"),
        ElfBuilder.x86_64().needs("fib_x", 1).needs("fib6_x", 2).build());
    WhatIf fresh = new WhatIf(SplitAnalyzer.analyze(CheckRequest.of(own.resolve("tree"),
        DecideFixtures.policy(own, "1MiB"))));

    WhatIfOutcome o = fresh.evaluate(List.of(new Selector("kernel/net/netfilter")), "core", null);

    assertThat(o.heldBack()).isEmpty();
    assertThat(o.moved()).containsExactly("kernel/net/ipv6/fib6.ko", "kernel/net/netfilter/fib.ko",
        "kernel/net/netfilter/inet.ko");
  }

  @Test
  void droppingAModuleAKeptOneNeedsBreaksIt() {
    WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("drivers/virtio/.*")), "core", WhatIf.NONE);

    assertThat(o.heldBack()).isEmpty();
    assertThat(o.moved()).containsExactly("kernel/drivers/virtio/virtio_ring.ko");
    assertThat(o.breaks()).singleElement().satisfies(b -> {
      assertThat(b.module()).isEqualTo("kernel/drivers/block/virtio_blk.ko");
      assertThat(b.needs()).isEqualTo("kernel/drivers/virtio/virtio_ring.ko");
    });
    assertThat(o.acceptable()).isFalse();
  }

  @Test
  void toNoneDropsTheModulesFromEveryPackage() throws IOException {
    WhatIfOutcome o = whatIf.evaluate(List.of(new Selector(DecideFixtures.SOUND)), "core", WhatIf.NONE);

    assertThat(o.to()).isEmpty();
    assertThat(o.change("core").delta(Measure.INSTALLED)).isEqualTo(-size(DecideFixtures.SOUND));
    assertThat(o.change("optional").delta()).isEmpty();
    assertThat(o.acceptable()).isTrue();
  }

  @Test
  void failsNamingASelectorThatSelectsNothing() {
    assertThatThrownBy(() -> whatIf.evaluate(List.of(new Selector("nosuch*")), "core", null))
        .isInstanceOf(UsageException.class).hasMessageContaining("nosuch*");
    assertThatThrownBy(() -> whatIf.evaluate(List.of(new Selector("i915")), "core", "elsewhere"))
        .isInstanceOf(UsageException.class).hasMessageContaining("elsewhere");
  }

  @Test
  void explainsAMoveWithItsChain() {
    Explanation e = Explanation.of(whatIf.analysis(), "md-cluster");

    assertThat(e.placement().pkg()).isEqualTo("optional");
    assertThat(e.placement().move()).hasValueSatisfying(move -> {
      assertThat(move.wanted()).isEqualTo("core");
      assertThat(move.rule().reason()).contains("the rest");
      assertThat(move.chain()).singleElement().satisfies(c -> {
        assertThat(c.module()).isEqualTo("kernel/fs/dlm/dlm.ko");
        assertThat(c.relation()).isEqualTo(Cause.Relation.NEEDED_BY_IT);
        assertThat(c.rule()).hasValueSatisfying(r -> assertThat(r.reason()).contains("rare file systems"));
      });
    });
    assertThat(e.needs()).extracting(Explanation.Neighbour::module).containsExactly("kernel/fs/dlm/dlm.ko");
    assertThat(Explanation.of(whatIf.analysis(), DecideFixtures.I915).needs())
        .extracting(Explanation.Neighbour::module)
        .containsExactlyInAnyOrder(DecideFixtures.DRM, DecideFixtures.KMS, DecideFixtures.SHARED);
  }

  private static long size(String module) throws IOException {
    return Files.size(modules.resolve(module));
  }
}
