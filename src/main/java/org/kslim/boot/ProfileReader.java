package org.kslim.boot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.kslim.BadInputException;
import org.kslim.UsageException;

/**
 * Reads hardware profiles ({@code docs/profiles.md}): a YAML file, or a profile shipped in the
 * kslim jar as {@code profiles/NAME.yaml}.
 *
 * <pre>{@code
 * HardwareProfile aws = ProfileReader.load("aws-nitro");          // shipped
 * HardwareProfile mine = ProfileReader.load("site/my-cloud.yaml");  // a file
 * }</pre>
 */
public final class ProfileReader {
  /** The profiles shipped in the jar, by name. */
  public static final List<String> SHIPPED =
      List.of("qemu-virtio", "xen", "hyperv-azure", "vmware", "aws-nitro", "gce");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private ProfileReader() {}

  private record Document(
      @JsonProperty(value = "kslim-profile", required = true) int format,
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String description,
      @JsonProperty(required = true) List<HardwareProfile.Device> devices,
      List<String> filesystems,
      List<String> features) {}

  /** A shipped profile's name, or a path to a profile file (anything with a {@code /} or ending in {@code .yaml}). */
  public static HardwareProfile load(String nameOrFile) {
    if (nameOrFile.contains("/") || nameOrFile.endsWith(".yaml")) {
      return read(Path.of(nameOrFile));
    }
    if (!SHIPPED.contains(nameOrFile)) {
      throw new UsageException("no shipped profile " + nameOrFile + " (shipped: " + String.join(", ", SHIPPED)
          + "; or give a file path)");
    }
    String resource = "profiles/" + nameOrFile + ".yaml";
    try (InputStream in = ProfileReader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the kslim jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource + " from the kslim jar", e);
    }
  }

  public static HardwareProfile read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses one profile; {@code source} names it in errors ({@code FILE:LINE: reason}). */
  public static HardwareProfile parse(String text, String source) {
    Document doc;
    try {
      doc = YAML.readValue(text, Document.class);
    } catch (JsonProcessingException e) {
      int line = e instanceof UnrecognizedPropertyException unknown ? lineOf(text, unknown.getPropertyName())
          : e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new BadInputException(source + ":" + line + ": not a profile: "
          + e.getOriginalMessage().replaceAll("\\s+", " ").trim(), e);
    }
    if (doc == null) {
      throw new BadInputException(source + ":1: the profile is empty");
    }
    check(doc.format() == 1, source, "kslim-profile must be 1: " + doc.format());
    check(NAME.matcher(doc.name()).matches(), source, "name must be lower-case letters, digits and -: " + doc.name());
    check(!doc.devices().isEmpty(), source, "a profile lists at least one device");
    for (HardwareProfile.Device device : doc.devices()) {
      check(device.modalias().matches("[a-z0-9_-]+:\\S+"), source,
          "a modalias is BUS:FIELDS without spaces: " + device.modalias() + " (device " + device.name() + ")");
    }
    return new HardwareProfile(doc.name(), doc.description(), doc.devices(),
        doc.filesystems() == null ? List.of() : doc.filesystems(), doc.features() == null ? List.of() : doc.features());
  }

  /**
   * The line where {@code key} is first written as a key: a record's fields are read before the
   * record is made, so Jackson locates an unknown one past its place.
   */
  private static int lineOf(String text, String key) {
    Pattern keyLine = Pattern.compile("^[\\s-]*\\{?\\s*" + Pattern.quote(key) + "\\s*:.*");
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (keyLine.matcher(lines.get(i)).matches()) {
        return i + 1;
      }
    }
    return 1;
  }

  private static void check(boolean condition, String source, String reason) {
    if (!condition) {
      throw new BadInputException(source + ": " + reason);
    }
  }
}
