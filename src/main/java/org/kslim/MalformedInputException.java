package org.kslim;

/**
 * A binary format kslim reads (ELF, RPM header, ar, cpio, compressed streams) is malformed at a
 * given offset. Every reader fails through {@link #verify}, so each bad byte becomes this one
 * kind of error, carrying the format, the offset and the reason; the caller that knows the
 * file adds it with {@link #in}.
 *
 * <pre>{@code
 * MalformedInputException.verify(count <= limit, "ELF", offset, "section count " + count + " exceeds " + limit);
 * }</pre>
 */
public final class MalformedInputException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String format;
  private final long offset;
  private final String reason;

  public MalformedInputException(String format, long offset, String reason) {
    this(null, format, offset, reason, null);
  }

  private MalformedInputException(String source, String format, long offset, String reason, Throwable cause) {
    super(describe(source, format, offset, reason), cause);
    this.source = source;
    this.format = format;
    this.offset = offset;
    this.reason = reason;
  }

  /** Throws a {@code MalformedInputException} unless {@code condition} holds. */
  public static void verify(boolean condition, String format, long offset, String reason) {
    if (!condition) {
      throw new MalformedInputException(format, offset, reason);
    }
  }

  /**
   * Throws a {@code MalformedInputException} unless {@code condition} holds; the reason is built
   * only on failure, for checks on hot paths.
   */
  public static void verify(boolean condition, String format, long offset, java.util.function.Supplier<String> reason) {
    if (!condition) {
      throw new MalformedInputException(format, offset, reason.get());
    }
  }

  /**
   * The same error located in {@code where} (a file, or {@code file!entry}); an error that
   * already names a source gets the new one prepended: {@code pkg.deb!lib/modules/x.ko}.
   */
  public MalformedInputException in(String where) {
    String located = source == null ? where : where + "!" + source;
    return new MalformedInputException(located, format, offset, reason, this);
  }

  /** The file (and entry) in which the error lies, or null when not yet known. */
  public String source() {
    return source;
  }

  public String format() {
    return format;
  }

  public long offset() {
    return offset;
  }

  public String reason() {
    return reason;
  }

  private static String describe(String source, String format, long offset, String reason) {
    String where = source == null ? "" : source + ": ";
    return where + "malformed " + format + " at offset " + offset + ": " + reason;
  }
}
