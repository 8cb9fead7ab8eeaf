package org.kslim.pack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.kslim.UsageException;
import org.kslim.size.CompressorKind;
import org.kslim.source.PackageFormat;

/**
 * What packages to write and where.
 *
 * <pre>{@code
 * PackRequest request = PackRequest.of(PackageFormat.RPM, Path.of("out"))
 *     .withSourceDateEpoch(OptionalLong.of(1_700_000_000L));
 * }</pre>
 *
 * @param format {@link PackageFormat#RPM} or {@link PackageFormat#DEB}
 * @param out the folder the packages go to
 * @param naming how the packages are named; empty: as the policy's {@code naming:} says, else {@link PackNaming#DEFAULT}
 * @param sourceDateEpoch the build time (SOURCE_DATE_EPOCH); empty: the newest mtime of the input
 * @param clampMtime whether file mtimes newer than the build time are set to it (rpm's
 *     {@code %clamp_mtime_to_source_date_epoch}); otherwise every file keeps its mtime
 * @param compressor built-in libraries or the host's programs
 */
public record PackRequest(PackageFormat format, Path out, Optional<PackNaming> naming, OptionalLong sourceDateEpoch,
    boolean clampMtime, CompressorKind compressor) {
  public PackRequest {
    Objects.requireNonNull(format, "format");
    if (format == PackageFormat.TREE) {
      throw new IllegalArgumentException("format must be RPM or DEB: " + format);
    }
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
    Objects.requireNonNull(compressor, "compressor");
  }

  /** The policy's naming (else the default), the input's newest mtime as build time, mtimes kept, built-in compressors. */
  public static PackRequest of(PackageFormat format, Path out) {
    return new PackRequest(format, out, Optional.empty(), OptionalLong.empty(), false, CompressorKind.BUILT_IN);
  }

  public PackRequest withNaming(PackNaming value) {
    return new PackRequest(format, out, Optional.of(value), sourceDateEpoch, clampMtime, compressor);
  }

  public PackRequest withSourceDateEpoch(OptionalLong value) {
    return new PackRequest(format, out, naming, value, clampMtime, compressor);
  }

  public PackRequest withClampMtime(boolean value) {
    return new PackRequest(format, out, naming, sourceDateEpoch, value, compressor);
  }

  public PackRequest withCompressor(CompressorKind value) {
    return new PackRequest(format, out, naming, sourceDateEpoch, clampMtime, value);
  }

  /** {@code SOURCE_DATE_EPOCH} from an environment; fails naming the value when it is not a number of seconds. */
  public static OptionalLong sourceDateEpoch(Map<String, String> environment) {
    String value = environment.get("SOURCE_DATE_EPOCH");
    if (value == null || value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long seconds = Long.parseLong(value);
      if (seconds < 0 || seconds > 0xFFFFFFFFL) {
        throw new UsageException("SOURCE_DATE_EPOCH must be 0..4294967295 seconds: " + value);
      }
      return OptionalLong.of(seconds);
    } catch (NumberFormatException e) {
      throw new UsageException("SOURCE_DATE_EPOCH must be a number of seconds: " + value);
    }
  }
}
