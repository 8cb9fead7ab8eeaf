package org.kslim.history;

import java.time.Instant;
import java.util.Objects;

/**
 * What identifies one recorded build: the kernel, the input package and the policy it was split by.
 *
 * <pre>{@code
 * BuildInfo info = store.builds(Optional.of("cloud-amd64")).get(0);
 * info.id();               // 3, shown as build:3
 * info.kernelVersion();    // "6.1.0-56-cloud-amd64"
 * }</pre>
 *
 * @param id the store's number, 0 for a build not (yet) recorded
 * @param recordedAt when it was analysed
 * @param kernelVersion VER of {@code lib/modules/VER}
 * @param flavour the kernel version's part after the ABI number ({@code cloud-amd64})
 * @param architecture as the input package spells it ({@code amd64}), else the modules' machine
 * @param inputName the input package's name (for a tree, the folder's)
 * @param inputSha256 hex SHA-256 of the input package (of a tree: of its paths and contents)
 * @param policyHash hex SHA-256 of the policy text
 * @param passed whether every budget held and the split broke no rule
 */
public record BuildInfo(long id, Instant recordedAt, String kernelVersion, String flavour, String architecture,
    String inputName, String inputSha256, String policyHash, boolean passed) {
  public BuildInfo {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(flavour, "flavour");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(inputSha256, "inputSha256");
    Objects.requireNonNull(policyHash, "policyHash");
  }

  BuildInfo withId(long value) {
    return new BuildInfo(value, recordedAt, kernelVersion, flavour, architecture, inputName, inputSha256, policyHash,
        passed);
  }

  /** {@code "build:3 6.1.0-56-cloud-amd64"}. */
  public String label() {
    return (id == 0 ? inputName : "build:" + id) + " " + kernelVersion;
  }
}
