package org.kslim.kmod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code key=value} strings of a module's {@code .modinfo} section, in section order (a key
 * may repeat: {@code alias}, {@code firmware}, {@code softdep}...).
 *
 * <pre>{@code
 * ModInfo info = new ModInfo(List.of(new ModInfo.Field("alias", "pci:v00001AF4d00001000sv*sd*bc*sc*i*"),
 *     new ModInfo.Field("depends", "virtio,virtio_ring")));
 * info.values("alias");   // [pci:v00001AF4d00001000sv*sd*bc*sc*i*]
 * info.first("depends");  // Optional[virtio,virtio_ring]
 * }</pre>
 */
public record ModInfo(List<Field> fields) {
  public static final ModInfo EMPTY = new ModInfo(List.of());

  /** One {@code key=value} string; a string without {@code =} has an empty value. */
  public record Field(String key, String value) {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  public ModInfo {
    fields = List.copyOf(fields);
  }

  /** Every value of {@code key}, in section order. */
  public List<String> values(String key) {
    List<String> values = new ArrayList<>();
    for (Field field : fields) {
      if (field.key().equals(key)) {
        values.add(field.value());
      }
    }
    return values;
  }

  /** The first value of {@code key}, if the module declares it. */
  public Optional<String> first(String key) {
    for (Field field : fields) {
      if (field.key().equals(key)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }
}
