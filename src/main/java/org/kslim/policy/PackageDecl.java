package org.kslim.policy;

import java.util.List;
import java.util.Objects;

/**
 * One output package of a policy and the packages it depends on (names of other declarations).
 *
 * <pre>{@code
 * PackageDecl modules = new PackageDecl("modules", List.of("modules-core"), VariantCondition.ALWAYS,
 *     new Location("cloud.yaml", 5));
 * }</pre>
 */
public record PackageDecl(String name, List<String> dependsOn, VariantCondition ifVariantIn, Location where) {
  public PackageDecl {
    Objects.requireNonNull(name, "name");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(ifVariantIn, "ifVariantIn");
    Objects.requireNonNull(where, "where");
  }
}
