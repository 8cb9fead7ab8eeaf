package org.kslim.history;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders kernel versions as people read them: runs of digits by value ({@code 6.1.0-9} before
 * {@code 6.1.0-47}), everything else as text.
 *
 * <pre>{@code
 * KernelVersionOrder.INSTANCE.compare("6.1.0-9-cloud-amd64", "6.1.0-47-cloud-amd64");   // < 0
 * }</pre>
 */
public final class KernelVersionOrder implements Comparator<String> {
  public static final KernelVersionOrder INSTANCE = new KernelVersionOrder();
  private static final Pattern RUN = Pattern.compile("\\d+|\\D+");

  private KernelVersionOrder() {}

  @Override
  public int compare(String a, String b) {
    Matcher left = RUN.matcher(a);
    Matcher right = RUN.matcher(b);
    while (left.find()) {
      if (!right.find()) {
        return 1;
      }
      int order = compareRuns(left.group(), right.group());
      if (order != 0) {
        return order;
      }
    }
    return right.find() ? -1 : 0;
  }

  private static int compareRuns(String x, String y) {
    boolean digits = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
    if (!digits) {
      return x.compareTo(y);
    }
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
