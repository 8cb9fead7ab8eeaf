package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.kslim.BadInputException;
import org.kslim.UsageException;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;
import org.kslim.source.PackageFormat;
import org.junit.jupiter.api.Test;

class PackNamingTest {
  private static final String KVER = "6.1.0-56-amd64";
  private static final String INPUT = "linux-image-6.1.0-56-amd64-unsigned";
  private static final String PACKAGES = "kslim: 1\npackages:\n  - name: modules-core\n    depends-on: []\n";

  @Test
  void defaultsFollowTheDistributions() {
    assertThat(PackNaming.DEFAULT.part(PackageFormat.RPM, "modules-core", KVER, INPUT))
        .isEqualTo("kernel-modules-core-6.1.0-56-amd64");
    assertThat(PackNaming.DEFAULT.part(PackageFormat.DEB, "modules-core", KVER, INPUT))
        .isEqualTo("linux-modules-core-6.1.0-56-amd64");
    assertThat(PackNaming.DEFAULT.meta(PackageFormat.DEB, KVER, INPUT)).isEqualTo(INPUT);
  }

  @Test
  void aPolicyNamesThePackages() {
    Policy policy = PolicyReader.read(PACKAGES + "naming: {package: \"acme-{package}\", meta: \"acme-{kver}\"}\n", "p.yaml");
    PackNaming naming = PackNaming.of(policy.naming());

    assertThat(naming.part(PackageFormat.DEB, "modules-core", KVER, INPUT)).isEqualTo("acme-modules-core");
    assertThat(naming.meta(PackageFormat.RPM, KVER, INPUT)).isEqualTo("acme-6.1.0-56-amd64");
    assertThat(PackNaming.of(PolicyReader.read(PACKAGES, "p.yaml").naming())).isEqualTo(PackNaming.DEFAULT);
  }

  @Test
  void badPatternsAndNamesFailNamingThem() {
    assertThatThrownBy(() -> PolicyReader.read(PACKAGES + "naming:\n  package: kernel-{kver}\n", "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("p.yaml:6").hasMessageContaining("kernel-{kver}");
    assertThatThrownBy(() -> PolicyReader.read(PACKAGES + "naming: {suffix: x}\n", "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("unknown key 'suffix'");
    assertThatThrownBy(() -> PolicyReader.read(PACKAGES + "naming: {release: 2-1}\n", "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("p.yaml:5").hasMessageContaining("'2-1'");
    assertThatThrownBy(() -> PolicyReader.read(PACKAGES + "naming: {architecture: X86}\n", "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("architecture").hasMessageContaining("'X86'");
    assertThatThrownBy(() -> new PackNaming("Linux_{package}", "{name}").part(PackageFormat.DEB, "core", KVER, INPUT))
        .isInstanceOf(UsageException.class).hasMessageContaining("'Linux_core'");
  }
}
