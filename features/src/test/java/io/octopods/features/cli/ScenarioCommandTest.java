package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./octopods scenario from-capture} and {@code scenario diff} on a capture file, and {@code
 * record}'s usage errors: exit 0 when all holds, 1 when the capture left the contracts, 2 for usage
 * errors; a bad line is named by its number, never a stack trace.
 */
class ScenarioCommandTest {
  private static final String TOKEN = "5491234567890123456";

  private static String viberLine(String millis, String event) {
    String body =
        "{\\\"event\\\":\\\""
            + event
            + "\\\",\\\"timestamp\\\":"
            + millis
            + ",\\\"chat_hostname\\\":\\\"SN-CHAT-01_\\\",\\\"message_token\\\":"
            + TOKEN
            + ",\\\"user_id\\\":\\\"01234567890A=\\\"}";
    return "{\"t\":\"2026-12-01T10:00:0"
        + millis.charAt(millis.length() - 4)
        + ".000Z\",\"method\":\"POST\",\"path\":\"/webhooks/viber\",\"query\":\"\","
        + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\""
        + body
        + "\",\"signature\":\"valid\",\"upstream_status\":200,\"upstream_ms\":3}";
  }

  private static Path capture(Path dir, String... callbacks) throws Exception {
    StringBuilder text =
        new StringBuilder(
            "{\"octopods_capture\":1,\"provider\":\"viber\",\"scrubbed\":true,"
                + "\"started_at\":\"2026-12-01T10:00:00Z\"}\n");
    for (String c : callbacks) {
      text.append(c).append('\n');
    }
    return Files.writeString(dir.resolve("capture.jsonl"), text.toString());
  }

  record Ran(int exit, String out, String err) {}

  private static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new OctopodsCommand()).execute(args);
      return new Ran(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  @Test
  void aCaptureBecomesOneScenarioPerMessage(@TempDir Path dir) throws Exception {
    Path file =
        capture(
            dir,
            viberLine("1764583201000", "delivered"),
            "not json at all",
            viberLine("1764583204000", "seen"));
    Ran ran = run("scenario", "from-capture", file.toString(), "--out", dir.toString());
    assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
    assertThat(ran.err()).contains(file + ":3: skipped: not JSON");
    Path scenario = dir.resolve(ran.out().lines().findFirst().orElseThrow().split("  ")[0]);
    assertThat(Files.readString(scenario))
        .contains("provider: viber", "status: delivered", "status: seen", TOKEN);
  }

  @Test
  void aNewStatusWordLeavesTheContractsAndExitsOne(@TempDir Path dir) throws Exception {
    Path file =
        capture(
            dir, viberLine("1764583201000", "delivered"), viberLine("1764583204000", "glimpsed"));
    Ran ran = run("scenario", "diff", file.toString(), "--out", dir.toString());
    assertThat(ran.exit()).as(ran.out() + ran.err()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("diff.md"))).contains("glimpsed");
    assertThat(Files.readString(dir.resolve("diff.json"))).contains("glimpsed");
  }

  @Test
  void aCaptureThatKeepsToTheContractsExitsZero(@TempDir Path dir) throws Exception {
    Path file =
        capture(dir, viberLine("1764583201000", "delivered"), viberLine("1764583204000", "seen"));
    Ran ran = run("scenario", "diff", file.toString(), "--out", dir.toString());
    assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
    assertThat(run("record", "--provider", "sms", "--upstream", "http://127.0.0.1:1").exit())
        .isEqualTo(2);
    assertThat(run("record", "--provider", "viber", "--upstream", "not-a-url").exit()).isEqualTo(2);
    assertThat(run("scenario", "from-capture", dir.resolve("missing.jsonl").toString()).exit())
        .isEqualTo(2);
    Path file = capture(dir, viberLine("1764583201000", "delivered"));
    Ran unknownMessage = run("scenario", "from-capture", file.toString(), "--message", "42");
    assertThat(unknownMessage.exit()).isEqualTo(2);
    assertThat(unknownMessage.err()).contains("no status report about 42");
    assertThat(
            run(
                    "scenario",
                    "from-history",
                    "--target",
                    "http://127.0.0.1:9",
                    "--api-key",
                    "k",
                    "--channel",
                    "fax",
                    "--message",
                    "m")
                .exit())
        .isEqualTo(2);
  }
}
