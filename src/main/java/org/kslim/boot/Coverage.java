package org.kslim.boot;

import java.util.List;
import java.util.Objects;

/**
 * Whether a kernel's core package meets hardware profiles: every device, filesystem and feature
 * of each, and what meets it.
 *
 * <pre>{@code
 * Coverage coverage = CoverAnalyzer.cover(placement, List.of(ProfileReader.load("aws-nitro")));
 * coverage.failures();   // the needs only modules outside core, or nothing, meet
 * }</pre>
 *
 * @param kernelVersion the kernel's version
 * @param core the core package
 * @param profiles the profiles' names, in the order given
 * @param items every need of every profile, profile by profile
 */
public record Coverage(String kernelVersion, String core, List<String> profiles, List<CoverItem> items) {
  public Coverage {
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(core, "core");
    profiles = List.copyOf(profiles);
    items = List.copyOf(items);
  }

  public List<CoverItem> failures() {
    return items.stream().filter(item -> !item.covered()).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }
}
