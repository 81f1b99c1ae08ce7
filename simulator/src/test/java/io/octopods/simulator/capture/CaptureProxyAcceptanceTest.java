package io.octopods.simulator.capture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture proxy between a client and a real upstream (WireMock), over real HTTP. */
class CaptureProxyAcceptanceTest {
  private final ProxyFixture fixture = new ProxyFixture();
  private WireMockServer upstream;
  @TempDir Path dir;

  @BeforeEach
  void startUpstream() {
    upstream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    upstream.start();
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop();
  }

  private URI upstreamUri() {
    return URI.create(upstream.baseUrl());
  }

  @Test
  void forwardsMethodPathQueryHeadersAndBodyBytesAndBringsTheAnswerBackUnchanged()
      throws Exception {
    upstream.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(418)
                    .withHeader("X-Upstream", "teapot")
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(new byte[] {9, 8, (byte) 0xFE})));
    byte[] body = {0, 1, 2, (byte) 0xFF, '&', '='};
    try (CaptureProxy proxy =
        fixture.start(ProxyFixture.settings("viber", upstreamUri(), dir.resolve("c.jsonl")))) {
      HttpResponse<byte[]> answer =
          ProxyFixture.HTTP.send(
              HttpRequest.newBuilder(URI.create(proxy.url() + "/hooks/in?b=2&a=%2B1&a=x"))
                  .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body))
                  .header("X-Custom", "one")
                  .header("Content-Type", "application/octet-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(answer.statusCode()).isEqualTo(418);
      assertThat(answer.headers().firstValue("X-Upstream")).contains("teapot");
      assertThat(answer.body()).containsExactly(9, 8, (byte) 0xFE);
    }
    List<LoggedRequest> received = upstream.findAll(anyRequestedFor(anyUrl()));
    assertThat(received).hasSize(1);
    LoggedRequest r = received.get(0);
    assertThat(r.getMethod().getName()).isEqualTo("PUT");
    assertThat(r.getUrl()).isEqualTo("/hooks/in?b=2&a=%2B1&a=x");
    assertThat(r.getHeader("X-Custom")).isEqualTo("one");
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(r.getBody()).containsExactly(body);
  }

  @Test
  void recordsEachCallbackAsALineThatCaptureReadsBack() {
    CaptureProxy.Settings settings =
        ProxyFixture.settings("whatsapp", upstreamUri(), dir.resolve("c.jsonl"));
    settings =
        new CaptureProxy.Settings(
            settings.provider(),
            settings.upstream(),
            settings.host(),
            settings.port(),
            settings.out(),
            settings.secret(),
            settings.publicUrl(),
            true,
            settings.clock());
    String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}";
    try (CaptureProxy proxy = fixture.start(settings)) {
      HttpResponse<String> answer =
          ProxyFixture.post(
              proxy.url() + "/webhooks/whatsapp?x=1",
              Map.of("Content-Type", "application/json", "X-Hub-Signature-256", "sha256=ab"),
              body);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("ok");
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.captured() == 1);
      assertThat(proxy.file()).isEqualTo(dir.resolve("c.jsonl"));
    }

    Capture capture = Capture.read(dir.resolve("c.jsonl"));
    assertThat(capture.problems()).isEmpty();
    assertThat(capture.header()).isEqualTo(new Capture.Header("whatsapp", false, ProxyFixture.NOW));
    Capture.Callback c = capture.callbacks().get(0);
    assertThat(c.t()).isEqualTo(ProxyFixture.NOW);
    assertThat(c.method()).isEqualTo("POST");
    assertThat(c.path()).isEqualTo("/webhooks/whatsapp");
    assertThat(c.query()).isEqualTo("x=1");
    assertThat(c.body()).isEqualTo(body);
    assertThat(c.headers()).containsEntry("X-Hub-Signature-256", "sha256=ab");
    assertThat(c.headers()).containsEntry("Content-Type", "application/json");
    assertThat(c.signature()).isEqualTo("unchecked");
    assertThat(c.upstreamStatus()).isEqualTo(200);
    assertThat(c.upstreamMs()).isNotNegative();
  }

  @Test
  void scrubsByDefaultAndSaysSoInTheHeader() {
    try (CaptureProxy proxy =
        fixture.start(ProxyFixture.settings("viber", upstreamUri(), dir.resolve("c.jsonl")))) {
      ProxyFixture.post(
          proxy.url() + "/viber",
          Map.of("Content-Type", "application/json"),
          "{\"event\":\"message\",\"sender\":{\"id\":\"abcDEF123==\",\"name\":\"Bo\"},"
              + "\"message\":{\"type\":\"text\",\"text\":\"call +447911123456 or bo@corp.io\"}}");
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.captured() == 1);
    }

    Capture capture = Capture.read(dir.resolve("c.jsonl"));
    assertThat(capture.header().scrubbed()).isTrue();
    assertThat(capture.callbacks().get(0).body())
        .doesNotContain("abcDEF123", "Bo", "447911123456", "bo@corp.io")
        .contains("\"text\":\"\"");
  }

  @Test
  void answers502AndRecordsUpstreamStatus0WhenTheUpstreamIsDown() {
    try (CaptureProxy proxy =
        fixture.start(
            ProxyFixture.settings("twilio", ProxyFixture.nowhere(), dir.resolve("c.jsonl")))) {
      HttpResponse<String> answer =
          ProxyFixture.post(
              proxy.url() + "/twilio",
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              "MessageStatus=sent");

      assertThat(answer.statusCode()).isEqualTo(502);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.captured() == 1);
    }
    Capture.Callback c = Capture.read(dir.resolve("c.jsonl")).callbacks().get(0);
    assertThat(c.upstreamStatus()).isZero();
    assertThat(fixture.stderr()).contains("could not be reached", "502");
  }

  @Test
  void stillForwardsWhenTheCaptureFileCannotBeWritten() throws Exception {
    Path aFile = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path out = aFile.resolve("capture.jsonl");
    try (CaptureProxy proxy =
        fixture.start(ProxyFixture.settings("whatsapp", upstreamUri(), out))) {
      HttpResponse<String> answer =
          ProxyFixture.post(proxy.url() + "/w", Map.of("Content-Type", "application/json"), "{}");

      assertThat(answer.statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> fixture.stderr().contains("callbacks are still forwarded but not recorded"));
      assertThat(fixture.stderr()).contains(out.toString());
      assertThat(proxy.captured()).isZero();
    }
    assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void refusesToOverwriteAnEarlierCapture() throws Exception {
    Path out = Files.writeString(dir.resolve("c.jsonl"), "earlier\n");

    assertThatThrownBy(
            () -> fixture.start(ProxyFixture.settings("whatsapp", upstreamUri(), out)).close())
        .hasMessageContaining("already exists");
    assertThat(Files.readString(out)).isEqualTo("earlier\n");
  }

  @Test
  void recordsConcurrentCallbacksEachOnItsOwnLine() {
    int n = 40;
    try (CaptureProxy proxy =
        fixture.start(ProxyFixture.settings("whatsapp", upstreamUri(), dir.resolve("c.jsonl")))) {
      List<CompletableFuture<HttpResponse<String>>> answers =
          IntStream.range(0, n)
              .mapToObj(
                  i ->
                      ProxyFixture.HTTP.sendAsync(
                          HttpRequest.newBuilder(URI.create(proxy.url() + "/w"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
              .toList();

      assertThat(answers).allSatisfy(a -> assertThat(a.join().statusCode()).isEqualTo(200));
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.captured() == n);
    }
    Capture capture = Capture.read(dir.resolve("c.jsonl"));
    assertThat(capture.problems()).isEmpty();
    assertThat(capture.callbacks())
        .extracting(Capture.Callback::body)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, n).mapToObj(i -> "{\"n\":" + i + "}").toList());
  }
}
