package org.kslim.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kslim.BadInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, keeping lines. */
final class YamlTree {

  private final JsonParser parser;
  private final String source;

  private YamlTree(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** The single document in {@code text}; {@code source} names the file in errors. */
  static YamlNode parse(String text, String source) {
    long limit = PolicyReader.POLICY_SIZE.value();
    if (text.length() > limit) {
      throw new BadInputException(source + ": a policy of " + text.length() + " characters exceeds the limit of " + limit);
    }
    try (JsonParser parser = factory((int) Math.min(Integer.MAX_VALUE, limit)).createParser(text)) {
      YamlTree tree = new YamlTree(parser, source);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new BadInputException(source + ":1: the policy is empty");
      }
      YamlNode root = tree.value(first);
      if (parser.nextToken() != null) {
        throw tree.error("a policy is one YAML document; found another");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw notYaml(e, source);
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot read YAML: " + e.getMessage(), e);
    }
  }

  /** A parser factory whose YAML reader accepts up to {@code limit} characters (SnakeYAML's own default is 3 Mi). */
  private static YAMLFactory factory(int limit) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limit);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  private static BadInputException notYaml(JsonProcessingException e, String source) {
    int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      line = marked.getProblemMark().getLine() + 1;
      problem = marked.getProblem();
    }
    return new BadInputException(source + ":" + line + ": not valid YAML: " + problem.replaceAll("\\s+", " ").trim(), e);
  }

  private YamlNode value(JsonToken token) throws IOException {
    int line = line();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw error("YAML aliases are not supported: *" + parser.getText());
    }
    return switch (token) {
      case START_OBJECT -> mapping(line);
      case START_ARRAY -> sequence(line);
      case VALUE_NULL -> new YamlNode.Scalar("", true, line);
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          new YamlNode.Scalar(parser.getText(), false, line);
      default -> throw error("unexpected YAML token " + token);
    };
  }

  private YamlNode mapping(int line) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String key = parser.currentName();
      int keyLine = line();
      if (!seen.add(key)) {
        throw error("key '" + key + "' given twice");
      }
      entries.add(new YamlNode.Entry(key, keyLine, value(parser.nextToken())));
    }
    return new YamlNode.Mapping(entries, line);
  }

  private YamlNode sequence(int line) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      items.add(value(token));
    }
    return new YamlNode.Sequence(items, line);
  }

  private int line() {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  private BadInputException error(String what) {
    return new BadInputException(source + ":" + line() + ": " + what);
  }
}
