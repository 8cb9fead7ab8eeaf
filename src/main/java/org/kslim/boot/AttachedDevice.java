package org.kslim.boot;

import java.util.List;

/**
 * The devices a boot test attaches to the guest: each QEMU option and the modalias pattern of
 * what the guest must bind for it. Every PCI function of vendor 1AF4 must be bound too
 * ({@link #VIRTIO_PCI}), and the SCSI disk behind virtio-scsi.
 *
 * <pre>{@code
 * AttachedDevice.VIRTIO_NET.pattern().matches("virtio:d00000001v00001AF4");   // true
 * }</pre>
 */
public enum AttachedDevice {
  VIRTIO_PCI("virtio-pci", "pci:v00001AF4d*", List.of()),
  VIRTIO_BLK("virtio-blk", "virtio:d00000002v*", List.of("-device", "virtio-blk-pci,drive=disk0")),
  VIRTIO_NET("virtio-net", "virtio:d00000001v*", List.of("-netdev", "user,id=net0", "-device", "virtio-net-pci,netdev=net0")),
  VIRTIO_SCSI("virtio-scsi", "virtio:d00000008v*",
      List.of("-device", "virtio-scsi-pci,id=scsi0", "-device", "scsi-hd,drive=disk1,bus=scsi0.0")),
  VIRTIO_RNG("virtio-rng", "virtio:d00000004v*", List.of("-device", "virtio-rng-pci")),
  SCSI_DISK("scsi-disk", "scsi:t-0x00*", List.of());

  private final String label;
  private final AliasPattern pattern;
  private final List<String> qemuOptions;

  AttachedDevice(String label, String pattern, List<String> qemuOptions) {
    this.label = label;
    this.pattern = new AliasPattern(pattern);
    this.qemuOptions = qemuOptions;
  }

  public String label() {
    return label;
  }

  public AliasPattern pattern() {
    return pattern;
  }

  /** The QEMU options that attach it (the disks themselves are {@code disk0} and {@code disk1}). */
  public List<String> qemuOptions() {
    return qemuOptions;
  }
}
