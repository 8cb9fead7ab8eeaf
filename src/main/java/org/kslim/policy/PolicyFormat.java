package org.kslim.policy;

/**
 * The two rule-file formats kslim reads.
 *
 * <pre>{@code
 * if (policy.format() == PolicyFormat.FEDORA) { ... }   // rules carry no reasons
 * }</pre>
 */
public enum PolicyFormat {
  /** Fedora's def_variants.yaml as filtermods.py reads it: packages and rules, no reasons. */
  FEDORA,
  /** {@code kslim: 1}: reasons on every rule, requirements, budgets, waivers, approvals. */
  KSLIM
}
