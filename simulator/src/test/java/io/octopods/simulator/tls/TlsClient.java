package io.octopods.simulator.tls;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client that trusts one trust store only (the simulators' generated {@code ca.p12}, as a
 * Java SDK would be configured), checking host names: through {@code java.net.http}, or over a raw
 * socket with the SNI name of a provider's real host, as an SDK does once that name resolves to the
 * simulator.
 */
final class TlsClient {
  /** A parsed answer. */
  record Answer(int status, String head, String body) {
    JsonNode json() {
      return Json.parse(body);
    }
  }

  private final SSLContext context;

  private TlsClient(SSLContext context) {
    this.context = context;
  }

  /**
   * Trusts the certificates of the PKCS#12 trust store {@code p12} (password {@code octopods}) and
   * nothing else.
   */
  static TlsClient trustingOnly(Path p12) {
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "octopods".toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return new TlsClient(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code java.net.http} over HTTP/1.1 with this trust. */
  Answer get(String url, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
  }

  Answer post(String url, String contentType, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  private Answer send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(context)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().map().toString(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connects to 127.0.0.1:{@code port}, shakes hands with SNI {@code sniName} (none when null) and
   * checks the certificate against that name (or against 127.0.0.1), writes {@code request} as it
   * is and reads the answer to the end of the connection (the request should say {@code Connection:
   * close}).
   */
  Answer raw(int port, String sniName, String request) {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      plain.setSoTimeout(30_000);
      String name = sniName == null ? "127.0.0.1" : sniName;
      try (SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(plain, name, port, true)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(sniName == null ? List.of() : List.of(new SNIHostName(sniName)));
        tls.setSSLParameters(parameters);
        tls.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        tls.getOutputStream().flush();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        tls.getInputStream().transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
