package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kslim.BadInputException;
import org.kslim.size.Measure;
import org.kslim.size.PayloadCompression;
import org.kslim.source.Compression;
import org.kslim.source.PackageFormat;

class PolicyReaderTest {
  static final String EXAMPLE = """
      kslim: 1
      packages:
        - name: modules-core
          depends-on: []
        - name: modules
          depends-on: [modules-core]
      image: modules-core
      rules:
        - drivers/net/virtio_net.*: modules-core
          reason: every KVM guest's network
        - drivers/gpu/.*: modules
          reason: cloud guests have no display
        - module: "virtio_*"
          package: modules-core
          reason: virtio is how KVM guests see devices
        - default: modules
          reason: what no rule claims is optional
      require:
        - module: virtio_blk
          package: modules-core
          reason: root disk on KVM
        - modalias: "pci:v00001D0Fd0000EC2*"
          package: modules-core
          reason: AWS ENA
          optional: true
      budgets:
        modules-core: {installed: 60MiB, compressed: 20MB, installed-kib: 61440, files: 900}
      waivers:
        - {package: modules-core, measure: installed, allow: 3MiB, reason: "NFS client, bug 1234", approved-by: cloud-team, expires: 2027-06-30}
      compression: {target: deb, modules: xz}
      approve-moves:
        - {module: dlm, package: modules-core, reason: md-cluster needs it, approved-by: storage-team}
      """;

  @Test
  void readsTheKslimFormatWithLines() {
    Policy policy = PolicyReader.read(EXAMPLE, "cloud.yaml");

    assertThat(policy.format()).isEqualTo(PolicyFormat.KSLIM);
    assertThat(policy.warnings()).isEmpty();
    assertThat(policy.packages()).extracting(PackageDecl::name).containsExactly("modules-core", "modules");
    assertThat(policy.packageNamed("modules").orElseThrow().dependsOn()).containsExactly("modules-core");
    assertThat(policy.image()).contains("modules-core");
    assertThat(policy.rules()).hasSize(4);
    Rule first = policy.rules().get(0);
    assertThat(first.matcher()).isEqualTo(Matcher.pathRegex("drivers/net/virtio_net.*"));
    assertThat(first.pkg()).isEqualTo("modules-core");
    assertThat(first.reason()).contains("every KVM guest's network");
    assertThat(first.where()).isEqualTo(new Location("cloud.yaml", 9));
    assertThat(policy.rules().get(2).matcher()).isEqualTo(Matcher.moduleGlob("virtio_*"));
    assertThat(policy.rules().get(2).where().line()).isEqualTo(13);
    assertThat(policy.rules().get(3).isDefault()).isTrue();
    assertThat(policy.requirements()).extracting(Requirement::optional).containsExactly(false, true);
    assertThat(policy.requirements().get(0).where()).isEqualTo(new Location("cloud.yaml", 19));
    assertThat(policy.budget("modules-core", Measure.INSTALLED)).hasValue(60L << 20);
    assertThat(policy.budget("modules-core", Measure.COMPRESSED)).hasValue(20_000_000L);
    assertThat(policy.budget("modules-core", Measure.INSTALLED_KIB)).hasValue(61440L);
    assertThat(policy.budget("modules-core", Measure.FILES)).hasValue(900L);
    assertThat(policy.budget("modules", Measure.INSTALLED)).isEmpty();
    assertThat(policy.waivers()).containsExactly(new Waiver("modules-core", Measure.INSTALLED, 3L << 20,
        "NFS client, bug 1234", "cloud-team", LocalDate.of(2027, 6, 30), new Location("cloud.yaml", 29)));
    assertThat(policy.compression()).contains(new CompressionPolicy(PackageFormat.DEB,
        PayloadCompression.DEB_DEFAULT, ModuleCompression.XZ));
    assertThat(policy.approvedMoves()).extracting(ApprovedMove::module, ApprovedMove::approvedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dlm", "storage-team"));
  }

  @Test
  void readsFedoraFormatWithOneWarning() {
    Policy policy = PolicyReader.read("""
        packages:
          - name: modules-core
            depends-on: []
          - name: modules
            depends-on:
            - modules-core
          - name: modules-rt-kvm
            if_variant_in: ["rt"]
            depends-on:
            - modules-core
        rules:
          - arch/x86/kvm/kvm(-amd|-intel|\\.).*: modules-rt-kvm
            if_variant_in: ["rt"]
          - drivers/net/tun.ko: modules-core
            exact_pkg: true
          - fs/dlm/.*: modules
          - default: modules
        """, "def_variants.yaml");

    assertThat(policy.format()).isEqualTo(PolicyFormat.FEDORA);
    assertThat(policy.warnings()).hasSize(1).allMatch(w -> w.startsWith("def_variants.yaml: Fedora rule file"));
    assertThat(policy.activePackages(Set.of())).extracting(PackageDecl::name).containsExactly("modules-core", "modules");
    assertThat(policy.activePackages(Set.of("rt"))).hasSize(3);
    assertThat(policy.rules()).allMatch(rule -> rule.reason().isEmpty());
    assertThat(policy.activeRules(Set.of())).extracting(Rule::pkg).containsExactly("modules-core", "modules", "modules");
    assertThat(policy.rules().get(1).exact()).isTrue();
    assertThat(policy.rules().get(1).where().line()).isEqualTo(14);
    assertThat(policy.compression()).isEmpty();
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, "kslim: 1\npackages:\n  - name: core\nrules:\n  - default: core\n");

    assertThatThrownBy(() -> PolicyReader.read(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ":5: rule 'default' has no reason");
    assertThatThrownBy(() -> PolicyReader.read(dir.resolve("missing.yaml"))).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(dir.resolve("missing.yaml") + ": cannot read the policy");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown top-level key     | 'kslim: 1\npackages:\n  - name: core\nbudget: {}\n'                                   | p.yaml:4: unknown key 'budget' in a kslim policy
      unknown key in a rule     | 'kslim: 1\npackages:\n  - name: core\nrules:\n  - default: core\n    reasn: x\n'      | p.yaml:6: unknown key 'reasn' in a rule
      unknown key in a waiver   | 'kslim: 1\npackages:\n  - name: core\nwaivers:\n  - {package: core, why: x}\n'       | p.yaml:5: unknown key 'why' in a waiver
      Fedora file with reason   | 'packages:\n  - name: core\nrules:\n  - fs/.*: core\n    reason: x\n'                   | p.yaml:5: unknown key 'reason' in a Fedora rule file
      invalid regex             | 'packages:\n  - name: core\nrules:\n  - drivers/(net: core\n'                            | p.yaml:4: invalid regex 'drivers/(net'
      undeclared package        | 'packages:\n  - name: core\nrules:\n  - fs/.*: modules\n'                                | p.yaml:4: package 'modules' is not declared
      undeclared dependency     | 'packages:\n  - name: core\n    depends-on: [base]\n'                                    | p.yaml:2: package 'base' is not declared
      depends-on cycle          | 'packages:\n  - name: a\n    depends-on: [b]\n  - name: b\n    depends-on: [a]\n'      | p.yaml:2: depends-on cycle between packages: a -> b -> a
      missing reason            | 'kslim: 1\npackages:\n  - name: core\nrules:\n  - fs/.*: core\n'                        | p.yaml:5: rule 'fs/.*' has no reason
      waiver without expiry     | 'kslim: 1\npackages:\n  - name: core\nwaivers:\n  - {package: core, measure: installed, allow: 1MiB, reason: r, approved-by: me}\n' | p.yaml:5: a waiver needs 'expires'
      bad expiry date           | 'kslim: 1\npackages:\n  - name: core\nwaivers:\n  - package: core\n    measure: files\n    allow: 3\n    reason: r\n    approved-by: me\n    expires: soon\n' | p.yaml:10: expires must be a date YYYY-MM-DD: soon
      malformed size            | 'kslim: 1\npackages:\n  - name: core\nbudgets:\n  core:\n    installed: 60 MiBs\n'     | p.yaml:6: malformed size '60 MiBs': unknown unit 'MiBs'
      unknown measure           | 'kslim: 1\npackages:\n  - name: core\nbudgets:\n  core:\n    installd: 60MiB\n'        | p.yaml:6: unknown measure 'installd'
      rule with two matchers    | 'kslim: 1\npackages:\n  - name: core\nrules:\n  - fs/.*: core\n    module: x\n    reason: r\n' | p.yaml:5: a rule has exactly one matcher
      module rule w/o package   | 'kslim: 1\npackages:\n  - name: core\nrules:\n  - module: x\n    reason: r\n'           | p.yaml:5: a 'module:' rule needs 'package:'
      requirement w/o matcher   | 'kslim: 1\npackages:\n  - name: core\nrequire:\n  - package: core\n    reason: r\n'      | p.yaml:5: a requirement names exactly one of module, modalias, path
      package name with a slash | 'packages:\n  - name: ../core\n'                                                        | p.yaml:2: package name must be letters, digits and . _ + -
      duplicate package         | 'packages:\n  - name: core\n  - name: core\n'                                            | p.yaml:3: package 'core' declared twice
      duplicate key             | 'packages:\n  - name: core\nrules: []\nrules: []\n'                                      | p.yaml:4: key 'rules' given twice
      unknown format version    | 'kslim: 2\npackages:\n  - name: core\n'                                                  | p.yaml:1: unknown policy format version '2'
      bad exact_pkg             | 'packages:\n  - name: core\nrules:\n  - fs/.*: core\n    exact_pkg: maybe\n'            | p.yaml:5: exact_pkg must be true or false: maybe
      bad compression level     | 'kslim: 1\npackages:\n  - name: core\ncompression: {target: rpm, level: 30}\n'           | p.yaml:4: ZSTD level must be 0..22: 30
      bad compression target    | 'kslim: 1\npackages:\n  - name: core\ncompression:\n  target: tar\n'                    | p.yaml:5: compression target must be rpm or deb: tar
      not YAML                  | 'packages: [\n'                                                                          | p.yaml:2: not valid YAML: expected the node content, but found '<stream end>'
      empty                     | ''                                                                                       | p.yaml:1: the policy is empty
      """)
  void failsNamingFileAndLine(String title, String yaml, String message) {
    assertThatThrownBy(() -> PolicyReader.read(yaml.replace("\\n", "\n"), "p.yaml"))
        .as(title).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
  }

  @Test
  void readsTheExampleInTheDocs() throws Exception {
    String doc = Files.readString(Path.of("docs/policy.md"));
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    Policy example = PolicyReader.read(doc.substring(start, doc.indexOf("```", start)), "policy.md");

    assertThat(example.activePackages(Set.of())).extracting(PackageDecl::name)
        .containsExactly("modules-core", "modules", "modules-extra");
    assertThat(example.rules()).hasSize(7).allMatch(rule -> rule.reason().isPresent());
    assertThat(example.budget("modules", Measure.INSTALLED_KIB)).hasValue(250000L);
    assertThat(example.compression()).contains(CompressionPolicy.defaults(PackageFormat.RPM));
    assertThat(example.approvedMoves()).hasSize(1);
    assertThat(example.waivers()).hasSize(1);
    assertThat(example.creepLimits()).hasSize(3);
  }

  @Test
  void readsTheShippedCloudPolicy() {
    Policy cloud = PolicyReader.read(Path.of("policies/cloud.yaml"));

    assertThat(cloud.format()).isEqualTo(PolicyFormat.KSLIM);
    assertThat(cloud.packages()).extracting(PackageDecl::name).containsExactly("modules-core", "modules", "modules-extra");
    assertThat(cloud.rules()).hasSizeGreaterThan(50).allMatch(rule -> rule.reason().isPresent());
    assertThat(cloud.rules().get(cloud.rules().size() - 1).isDefault()).isTrue();
    assertThat(cloud.requirements()).extracting(r -> r.matcher().pattern()).contains("virtio_blk", "ena", "hv_storvsc",
        "xen_blkfront", "vmxnet3", "ext4", "xfs");
  }

  @Test
  void compressionPayloadOtherThanTheTargetsDefaultNeedsALevel() {
    String head = "kslim: 1\npackages:\n  - name: core\ncompression: ";
    assertThat(PolicyReader.read(head + "{target: rpm, payload: xz, level: 9}\n", "p.yaml").compression())
        .contains(new CompressionPolicy(PackageFormat.RPM, new PayloadCompression(Compression.XZ, 9), ModuleCompression.KEEP));
    assertThat(PolicyReader.read(head + "{target: rpm}\n", "p.yaml").compression())
        .contains(CompressionPolicy.defaults(PackageFormat.RPM));
    assertThatThrownBy(() -> PolicyReader.read(head + "{target: rpm, payload: xz}\n", "p.yaml"))
        .hasMessage("p.yaml:4: compression payload xz needs 'level'");
  }

  @Test
  void variantConditionsFollowFiltermods() {
    assertThat(VariantCondition.ALWAYS.active(Set.of())).isTrue();
    assertThat(new VariantCondition(Optional.of(Set.of("rt"))).active(Set.of())).isFalse();
    assertThat(new VariantCondition(Optional.of(Set.of("rt"))).active(Set.of("debug", "rt"))).isTrue();
    assertThat(new VariantCondition(Optional.of(Set.of())).active(Set.of("rt"))).isFalse();
    assertThat(List.of(new Location("a.yaml", 3))).extracting(Location::toString).containsExactly("a.yaml:3");
  }
}
