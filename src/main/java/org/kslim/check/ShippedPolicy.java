package org.kslim.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.BadInputException;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;

/**
 * The policy kslim uses when none is named: {@code policies/cloud.yaml}, shipped inside the jar.
 *
 * <pre>{@code
 * Policy policy = ShippedPolicy.readOr(null);   // the cloud-guest policy
 * }</pre>
 */
public final class ShippedPolicy {
  static final String CLOUD = "policies/cloud.yaml";

  private ShippedPolicy() {}

  /** The policy in {@code file}, or the shipped cloud policy when {@code file} is null. */
  public static Policy readOr(Path file) {
    return file != null ? PolicyReader.read(file) : cloud();
  }

  public static Policy cloud() {
    return PolicyReader.read(cloudText(), CLOUD);
  }

  /** The text of the policy in {@code file}, or of the shipped cloud policy when {@code file} is null. */
  public static String textOr(Path file) {
    if (file == null) {
      return cloudText();
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the policy: " + e.getMessage(), e);
    }
  }

  private static String cloudText() {
    try (InputStream in = ShippedPolicy.class.getClassLoader().getResourceAsStream(CLOUD)) {
      if (in == null) {
        throw new IllegalStateException(CLOUD + " is missing from the kslim jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CLOUD + " from the kslim jar", e);
    }
  }
}
