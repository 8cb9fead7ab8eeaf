package org.kslim.kmod;

import java.util.Objects;

/**
 * A line of {@code modules.symbols}: the module that provides {@code symbol} to
 * {@code symbol_request()}.
 *
 * <pre>{@code
 * new SymbolAlias("nf_send_unreach", "nf_reject_ipv4");  // alias symbol:nf_send_unreach nf_reject_ipv4
 * }</pre>
 */
public record SymbolAlias(String symbol, String module) {
  public SymbolAlias {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(module, "module");
  }
}
