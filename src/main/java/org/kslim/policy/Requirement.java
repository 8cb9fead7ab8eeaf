package org.kslim.policy;

import java.util.Objects;

/**
 * A module that must end in a package (or one that package depends on). A requirement that selects
 * no module at all is "list rot" unless {@code optional}: e.g. a driver one architecture lacks.
 *
 * <pre>{@code
 * Requirement disk = new Requirement(Matcher.moduleGlob("virtio_blk"), "modules-core",
 *     "root disk on KVM", false, new Location("cloud.yaml", 30));
 * }</pre>
 */
public record Requirement(Matcher matcher, String pkg, String reason, boolean optional, Location where) {
  public Requirement {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(where, "where");
  }
}
