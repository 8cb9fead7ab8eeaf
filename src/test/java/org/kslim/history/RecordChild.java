package org.kslim.history;

/**
 * A process that records {@link SampleBuilds#cloud(int) build N} and, with {@code hang}, stops
 * inside the transaction after the build's row (printing {@code midway}) until it is killed.
 */
final class RecordChild {
  private RecordChild() {}

  public static void main(String[] args) throws InterruptedException {
    HistoryStore store = HistoryStore.open(args[0]);
    Build build = SampleBuilds.cloud(Integer.parseInt(args[1]));
    boolean hang = args.length > 2 && args[2].equals("hang");
    store.record(build, () -> {
      if (hang) {
        System.out.println("midway");
        System.out.flush();
        sleepLong();
      }
    });
  }

  private static void sleepLong() {
    try {
      Thread.sleep(600_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
