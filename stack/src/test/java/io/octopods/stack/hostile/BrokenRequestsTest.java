package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.stack.support.StackUnderTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests no route can serve, over a plain socket, answered like every other error of the service
 * (RFC 9457 problem+json): a body that breaks off (a chunked body whose sender stops before the
 * last chunk) is the client's request, {@code 400} naming the body, never a {@code 5xx}, on the
 * public API, the provider webhooks and the canvases; a path or method with no route is a {@code
 * 404} problem, not the HTTP library's plain text.
 */
class BrokenRequestsTest {
  private static StackUnderTest stack;

  @BeforeAll
  static void start() {
    stack = StackUnderTest.start();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/v1/sms/messages, application/json",
    "/webhooks/whatsapp, application/json",
    "/webhooks/viber, application/json",
    "/webhooks/twilio, application/x-www-form-urlencoded",
    "/surfaces/intercom/canvas/initialize, application/json",
    "/surfaces/reach/canvas/submit, application/json"
  })
  void aChunkedBodyThatBreaksOffIs400(String path, String contentType) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", stack.port())) {
      socket.setSoTimeout(15_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + StackUnderTest.API_KEY
              + "\r\nContent-Type: "
              + contentType
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "10\r\n{\"to\": \"+1555\r\n"; // one chunk of a JSON object, then nothing: no last
      // chunk
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();

      String answer = readAll(socket.getInputStream());
      assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
      assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
      assertThat(answer).contains("body could not be read to its end");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /surfaces/intercom/canvas",
    "POST, /no/such/path",
    "GET, /api/v1/nothing",
    "DELETE, /webhooks/viber"
  })
  void aPathWithNoRouteIsA404Problem(String method, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", stack.port())) {
      socket.setSoTimeout(15_000);
      socket
          .getOutputStream()
          .write(
              (method
                      + " "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer = readAll(socket.getInputStream());
      assertThat(answer).as(answer).startsWith("HTTP/1.1 40");
      assertThat(answer.toLowerCase())
          .as(answer)
          .contains("content-type: application/problem+json");
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // the server may close after its answer; what arrived is kept
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
