package org.kslim.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from {@code java.net.http}):
 * open a page, evaluate script, click and type like a user, take a screenshot, and list every
 * request the page made.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start(tempDir)) {
 *   chromium.open(Path.of("report.html"));
 *   chromium.evaluate("document.title").asText();
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** The browser named by {@code -Dkslim.browser}; skips the test when it is unset, fails when it is missing. */
  public static HeadlessChromium start(Path tempDir) throws Exception {
    String browser = System.getProperty("kslim.browser", "");
    assumeTrue(!browser.isBlank(), "browser tier off (set -Dkslim.browser=/usr/bin/chromium)");
    if (!Files.isExecutable(Path.of(browser))) {
      fail("browser tier is on but " + browser + " is not an executable (run .ci/browser)");
    }
    Process process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(tempDir.resolve("chromium-profile")),
        "--remote-debugging-port=0", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserSocket = devToolsAddress(process);
    URI base = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*$", "http://$1/"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    String pageSocket = null;
    for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body())) {
      if (target.path("type").asText().equals("page")) {
        pageSocket = target.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageSocket == null) {
      process.destroy();
      fail("chromium shows no page target at " + base);
    }
    Listener listener = new Listener();
    WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(pageSocket), listener)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    HeadlessChromium chromium = new HeadlessChromium(process, socket);
    listener.owner = chromium;
    for (String domain : List.of("Page", "Network", "Runtime")) {
      chromium.call(domain + ".enable", JSON.createObjectNode());
    }
    return chromium;
  }

  private static String devToolsAddress(Process process) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      if (line.startsWith("DevTools listening on ")) {
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return line.substring("DevTools listening on ".length()).trim();
      }
      seen.add(line);
    }
    fail("chromium ended without a DevTools address: " + String.join(" | ", seen));
    return null;
  }

  /** Loads the file and waits until the page has run its scripts. */
  public void open(Path html) throws Exception {
    ObjectNode viewport = JSON.createObjectNode().put("width", 1280).put("height", 1000)
        .put("deviceScaleFactor", 1).put("mobile", false);
    call("Emulation.setDeviceMetricsOverride", viewport);
    call("Page.navigate", JSON.createObjectNode().put("url", html.toUri().toString()));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!evaluate("document.readyState").asText().equals("complete")) {
      if (System.nanoTime() > deadline) {
        fail("the page did not load within " + TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  /** The value of a JavaScript expression; fails on an exception in the page. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      fail("script failed: " + expression + ": " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A real mouse click at the middle of the element {@code selector} picks. */
  public void click(String selector) throws Exception {
    JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
        + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", box.path("x").asDouble())
          .put("y", box.path("y").asDouble()).put("button", "left").put("clickCount", 1));
    }
  }

  /** Focuses the element and types {@code text} into it. */
  public void type(String selector, String text) throws Exception {
    evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").focus()");
    call("Input.insertText", JSON.createObjectNode().put("text", text));
  }

  /** A PNG of the whole page. */
  public byte[] screenshot() throws Exception {
    JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
        .put("captureBeyondViewport", true));
    return Base64.getDecoder().decode(shot.path("data").asText());
  }

  /** Every URL the page asked for. */
  public List<String> requestedUrls() {
    return events.stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
        .map(e -> e.path("params").path("request").path("url").asText()).toList();
  }

  /** Uncaught exceptions and console errors of the page. */
  public List<String> pageErrors() {
    return events.stream().filter(e -> e.path("method").asText().equals("Runtime.exceptionThrown")
        || (e.path("method").asText().equals("Runtime.consoleAPICalled") && e.path("params").path("type").asText().equals("error")))
        .map(JsonNode::toString).toList();
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      fail(method + " failed: " + reply.path("error"));
    }
    return reply.path("result");
  }

  private void receive(String text) throws IOException {
    JsonNode message = JSON.readTree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else {
      events.add(message);
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Joins the frames of each message and hands it over. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          owner.receive(text);
        } catch (IOException e) {
          throw new IllegalStateException("unreadable DevTools message: " + text, e);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
