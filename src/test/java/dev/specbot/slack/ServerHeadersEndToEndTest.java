package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's HTTP server does not say what it runs on: no Server or X-Powered-By header naming Jetty
 * and its version, and no "Powered by Jetty" on error pages, so a scanner learns nothing to match
 * against a list of known holes.
 */
class ServerHeadersEndToEndTest {
  @TempDir Path folder;
  private BotHarness harness;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot() {
    harness.close();
  }

  @Test
  void the_health_check_names_no_server_or_version() throws Exception {
    HttpResponse<String> health = get("/healthz");

    assertEquals(200, health.statusCode());
    assertAnonymous(health);
  }

  @Test
  void an_unknown_path_gets_a_404_page_that_names_no_server_or_version() throws Exception {
    HttpResponse<String> missing = get("/no/such/page");

    assertEquals(404, missing.statusCode());
    assertAnonymous(missing);
  }

  @Test
  void a_get_on_the_events_endpoint_gets_an_anonymous_error_page() throws Exception {
    HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/slack/events")).GET());

    assertTrue(bad.statusCode() >= 400, bad.statusCode() + " " + bad.body());
    assertAnonymous(bad);
  }

  @Test
  void an_oversized_request_is_refused_with_an_anonymous_error_page() throws Exception {
    // Only the request's head, announcing 2 MB: the server refuses on the length alone and closes.
    // A client still writing the body then would see a broken pipe instead of the page.
    String refused;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), harness.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + 2 * 1024 * 1024
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      refused = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
    String lower = refused.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("x-powered-by"), refused);
    assertFalse(lower.contains("jetty"), "the page or a header names Jetty: " + refused);
    assertFalse(lower.contains(Jetty.VERSION), "the page gives Jetty's version: " + refused);
  }

  private static void assertAnonymous(HttpResponse<String> response) {
    Optional<String> server = response.headers().firstValue("Server");
    assertTrue(
        server.isEmpty() || !server.get().matches(".*\\d.*"),
        "the Server header carries a version: " + server);
    assertFalse(
        server.orElse("").toLowerCase(Locale.ROOT).contains("jetty"),
        "the Server header names Jetty: " + server);
    assertEquals(List.of(), response.headers().allValues("X-Powered-By"));
    String body = response.body().toLowerCase(Locale.ROOT);
    assertFalse(body.contains("jetty"), "the page names Jetty: " + response.body());
    assertFalse(body.contains(Jetty.VERSION), "the page gives Jetty's version: " + response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + harness.port() + path);
  }
}
