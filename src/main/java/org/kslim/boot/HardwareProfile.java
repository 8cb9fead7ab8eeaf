package org.kslim.boot;

import java.util.List;
import java.util.Objects;

/**
 * What a kind of machine shows a guest kernel: its devices by modalias, and the filesystems and
 * features (module names) a guest on it needs. Read from {@code profiles/NAME.yaml}.
 *
 * <pre>{@code
 * HardwareProfile qemu = ProfileReader.load("qemu-virtio");
 * qemu.devices().get(0).modalias();   // "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00"
 * }</pre>
 *
 * @param name the profile's name (its file name without {@code .yaml})
 * @param description one line on the machine
 * @param devices devices as {@code /sys/bus/*}{@code /devices/*}{@code /modalias} show them
 * @param filesystems filesystem modules a guest mounts (ext4, xfs, vfat...)
 * @param features other modules a guest needs, by name
 */
public record HardwareProfile(String name, String description, List<Device> devices, List<String> filesystems,
    List<String> features) {
  /**
   * One device: a short name, its modalias, and whether a guest may do without its driver in
   * core (a display adapter of a headless guest): such a device is reported, never failed.
   */
  public record Device(String name, String modalias, boolean optional) {
    public Device {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(modalias, "modalias");
    }
  }

  public HardwareProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    devices = List.copyOf(devices);
    filesystems = List.copyOf(filesystems);
    features = List.copyOf(features);
  }
}
