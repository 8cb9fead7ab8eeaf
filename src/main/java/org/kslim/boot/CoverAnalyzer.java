package org.kslim.boot;

import java.util.ArrayList;
import java.util.List;
import org.kslim.check.ModulePlacement;

/**
 * Checks that the core package of a split meets hardware profiles: each device is bound by a
 * built-in or a core module (modules.alias semantics), each filesystem and feature is a built-in
 * or a core module.
 *
 * <pre>{@code
 * ModulePlacement placement = SplitAnalyzer.place(CheckRequest.of(deb, policy));
 * Coverage coverage = CoverAnalyzer.cover(placement, List.of(ProfileReader.load("qemu-virtio")));
 * }</pre>
 */
public final class CoverAnalyzer {
  private CoverAnalyzer() {}

  public static Coverage cover(ModulePlacement placement, List<HardwareProfile> profiles) {
    String core = placement.split().core();
    ModuleLookup lookup = ModuleLookup.of(placement.modules(), placement.split());
    List<CoverItem> items = new ArrayList<>();
    for (HardwareProfile profile : profiles) {
      for (HardwareProfile.Device device : profile.devices()) {
        items.add(item(profile, CoverItem.Kind.DEVICE, device.name(), device.modalias(),
            lookup.byModalias(device.modalias()), core, device.optional()));
      }
      for (String fs : profile.filesystems()) {
        items.add(item(profile, CoverItem.Kind.FILESYSTEM, fs, fs, lookup.byName(fs), core, false));
      }
      for (String feature : profile.features()) {
        items.add(item(profile, CoverItem.Kind.FEATURE, feature, feature, lookup.byName(feature), core, false));
      }
    }
    return new Coverage(placement.modules().kernelVersion(), core,
        profiles.stream().map(HardwareProfile::name).toList(), items);
  }

  private static CoverItem item(HardwareProfile profile, CoverItem.Kind kind, String name, String key,
      List<Binder> binders, String core, boolean optional) {
    CoverItem.Status status = binders.isEmpty() ? CoverItem.Status.MISSING
        : binders.stream().anyMatch(b -> b.builtin() || b.pkg().equals(core)) ? CoverItem.Status.CORE
        : CoverItem.Status.OUTSIDE_CORE;
    return new CoverItem(profile.name(), kind, name, key, binders, status, optional);
  }
}
