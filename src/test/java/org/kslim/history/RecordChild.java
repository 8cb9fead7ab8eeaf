package org.kslim.history;

/**
 * A process that records {@link SampleBuilds#cloud(int) build N} and stops inside the transaction
 * after the build's row (printing {@code midway}) until it is killed: {@code RecordChild URL N}.
 */
final class RecordChild {
  private RecordChild() {}

  public static void main(String[] args) {
    HistoryStore store = HistoryStore.open(args[0]);
    Build build = SampleBuilds.cloud(Integer.parseInt(args[1]));
    store.record(build, () -> {
      System.out.println("midway");
      System.out.flush();
      sleepLong();
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
