package org.kslim.kmod;

import java.util.List;
import java.util.Optional;

/**
 * The text of depmod's index files, byte for byte as kmod's depmod 30 writes them. Those of the
 * modules' {@code .modinfo} alone take the modules in depmod's order ({@link DepmodResult#modules}).
 *
 * <pre>{@code
 * String dep = DepmodText.modulesDep(result);
 * // kernel/net/ipv4/netfilter/nft_reject_ipv4.ko: kernel/net/ipv4/netfilter/nf_reject_ipv4.ko ...
 * }</pre>
 */
public final class DepmodText {
  static final String ALIAS_HEADER = "# Aliases extracted from modules themselves.\n";
  static final String SOFTDEP_HEADER = "# Soft dependencies extracted from modules themselves.\n";
  static final String SYMBOLS_HEADER = "# Aliases for symbols, used by symbol_request().\n";
  static final String DEVNAME_HEADER = "# Device nodes to trigger on-demand module loading.\n";

  private DepmodText() {}

  /**
   * {@code modules.dep}: each module outside a cycle, then {@code ":"} and its transitive
   * dependencies outside cycles, each after a space.
   */
  public static String modulesDep(DepmodResult result) {
    StringBuilder text = new StringBuilder();
    for (Module module : result.modules()) {
      if (result.inCycle(module)) {
        continue;
      }
      text.append(module.path()).append(':');
      for (Module dependency : result.graph().dependencies(module)) {
        if (!result.inCycle(dependency)) {
          text.append(' ').append(dependency.path());
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** {@code modules.alias}: {@code alias VALUE MODULE} for each {@code alias=}, module by module. */
  public static String modulesAlias(List<Module> modules) {
    StringBuilder text = new StringBuilder(ALIAS_HEADER);
    for (Module module : modules) {
      for (String alias : module.modinfo().values("alias")) {
        text.append("alias ").append(alias).append(' ').append(module.name()).append('\n');
      }
    }
    return text.toString();
  }

  /** {@code modules.softdep}: {@code softdep MODULE VALUE} for each {@code softdep=}. */
  public static String modulesSoftdep(List<Module> modules) {
    StringBuilder text = new StringBuilder(SOFTDEP_HEADER);
    for (Module module : modules) {
      for (String softdep : module.modinfo().values("softdep")) {
        text.append("softdep ").append(module.name()).append(' ').append(softdep).append('\n');
      }
    }
    return text.toString();
  }

  /** {@code modules.symbols}: {@code alias symbol:NAME MODULE} in the order of depmod's symbol table. */
  public static String modulesSymbols(DepmodResult result) {
    StringBuilder text = new StringBuilder(SYMBOLS_HEADER);
    for (SymbolAlias alias : result.symbols()) {
      text.append("alias symbol:").append(alias.symbol()).append(' ').append(alias.module()).append('\n');
    }
    return text.toString();
  }

  /**
   * {@code modules.devname}: {@code MODULE DEVNAME TYPEMAJOR:MINOR} for each module with both a
   * {@code devname:} alias and a {@code char-major-}/{@code block-major-} alias, as soon as both
   * have been seen (the latest of each kind so far).
   */
  public static String modulesDevname(List<Module> modules) {
    StringBuilder text = new StringBuilder(DEVNAME_HEADER);
    for (Module module : modules) {
      devname(module).ifPresent(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }

  private static Optional<String> devname(Module module) {
    String devname = null;
    DeviceNumber number = null;
    for (String alias : module.modinfo().values("alias")) {
      if (alias.startsWith("devname:")) {
        devname = alias.substring("devname:".length());
      } else {
        number = DeviceNumber.parse(alias).orElse(number);
      }
      if (devname != null && number != null) {
        return Optional.of(module.name() + " " + devname + " " + number.text());
      }
    }
    return Optional.empty();
  }
}
