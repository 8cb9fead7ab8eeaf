package org.kslim;

/**
 * Where a long step (reading a package, compressing payloads) tells how far it got. The library
 * calls it from any thread; the command line draws it as a bar on a terminal or prints an
 * occasional line. {@link #NONE} ignores everything.
 *
 * <pre>{@code
 * try (Progress.Task task = progress.start("compressing", packages.size(), totalBytes)) {
 *   task.advance(1, payloadBytes);
 * }
 * }</pre>
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (what, items, bytes) -> Task.NONE;

  /**
   * Starts a step.
   *
   * @param what a few words, e.g. {@code "reading linux-image.deb"}
   * @param items the count the step works through, or -1 when unknown
   * @param bytes the bytes it works through, or -1 when unknown
   */
  Task start(String what, long items, long bytes);

  /** One step under way; closing it marks it done. */
  interface Task extends AutoCloseable {
    /** Does nothing. */
    Task NONE = new Task() {
      @Override
      public void advance(long items, long bytes) {
        // a step nobody watches
      }

      @Override
      public void close() {
        // nothing to finish
      }
    };

    /** Adds {@code items} done and {@code bytes} processed; safe from several threads. */
    void advance(long items, long bytes);

    @Override
    void close();
  }
}
