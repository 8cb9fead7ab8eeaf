#!/bin/busybox sh
# kslim boot-test init: loads drivers by modalias until nothing new appears, reports every
# device and its driver, mounts the test disks named by kslim.mount=FS:DEV,... and powers off.
# Every line kslim reads starts with KSLIM-.
/bin/busybox mkdir -p /proc /sys /dev /mnt /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo "KSLIM-BEGIN $(uname -r)"

state() {
  echo "$(wc -l < /proc/modules) $(ls -d /sys/bus/*/devices/* | wc -l) $(ls -d /sys/bus/*/devices/*/driver 2>/dev/null | wc -l)"
}

round=0
while [ $round -lt 20 ]; do
  round=$((round + 1))
  before=$(state)
  modprobe -q -a $(cat /sys/bus/*/devices/*/modalias 2>/dev/null | sort -u) 2>/dev/null
  sleep 1
  after=$(state)
  echo "KSLIM-ROUND $round $after"
  [ "$before" = "$after" ] && break
done

for dev in /sys/bus/*/devices/*; do
  [ -f "$dev/modalias" ] || continue
  bus=$(basename "$(dirname "$(dirname "$dev")")")
  driver=-
  [ -L "$dev/driver" ] && driver=$(basename "$(readlink "$dev/driver")")
  echo "KSLIM-DEVICE $bus $(basename "$dev") $driver $(cat "$dev/modalias")"
done

for arg in $(cat /proc/cmdline); do
  case "$arg" in kslim.mount=*) mounts=$(echo "${arg#kslim.mount=}" | tr ',' ' ') ;; esac
done
for pair in $mounts; do
  fs=${pair%%:*}
  disk=${pair#*:}
  waited=0
  while [ ! -b "$disk" ] && [ $waited -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
  modprobe -q "$fs"
  mkdir -p "/mnt/$fs"
  if mount -t "$fs" "$disk" "/mnt/$fs"; then
    echo "KSLIM-MOUNT $fs $disk ok"
    umount "/mnt/$fs"
  else
    echo "KSLIM-MOUNT $fs $disk fail"
  fi
done

echo "KSLIM-END"
sync
poweroff -f
