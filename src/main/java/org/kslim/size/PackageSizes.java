package org.kslim.size;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every measure of one package, the compressor that produced its compressed figure, and the sizes
 * of each of its files.
 *
 * <pre>{@code
 * PackageSizes core = sheet.get("modules-core");
 * long xzBytes = core.get(Measure.COMPRESSED);
 * String how = core.compressor().label();   // "xz -6 (xz 5.4.1, 2 threads, 25165824-byte blocks)"
 * }</pre>
 *
 * @param name package name
 * @param format the payload archive the compressed figure is for
 * @param measures a value for every {@link Measure}
 * @param payloadBytes length of the uncompressed payload archive
 * @param compressor what compressed the payload
 * @param files the package's entries, in the order given
 */
public record PackageSizes(String name, PayloadFormat format, Map<Measure, Long> measures,
    long payloadBytes, CompressorDescription compressor, List<FileSizes> files) {
  public PackageSizes {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compressor, "compressor");
    EnumMap<Measure, Long> copy = new EnumMap<>(Measure.class);
    copy.putAll(measures);
    for (Measure measure : Measure.values()) {
      if (!copy.containsKey(measure)) {
        throw new IllegalArgumentException(name + ": no value for measure " + measure.key());
      }
    }
    measures = Map.copyOf(copy);
    files = List.copyOf(files);
  }

  /** The value of {@code measure}: bytes, KiB for {@link Measure#INSTALLED_KIB}, a count for {@link Measure#FILES}. */
  public long get(Measure measure) {
    return measures.get(measure);
  }

  /** The sizes of the entry at {@code path}, if the package holds it. */
  public Optional<FileSizes> file(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }
}
