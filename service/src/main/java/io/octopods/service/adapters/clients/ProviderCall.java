package io.octopods.service.adapters.clients;

import io.octopods.service.application.HandOffResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * One HTTP call to a provider's send API, keeping apart the two ways it can go without an answer:
 * the provider could not be reached, so nothing was sent ({@link HandOffResult.Retryable}), or the
 * request went out and no answer came in time ({@link HandOffResult.TimedOut}: it may have been
 * accepted, so it is never re-sent blindly).
 */
public final class ProviderCall {
  private final String provider;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  /**
   * @param provider the provider's name as failure messages show it ({@code Twilio})
   * @param timeout how long connecting, and then waiting for the answer, may each take
   */
  public ProviderCall(String provider, Duration timeout, Clock clock) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the provider timeout must be positive, was " + timeout);
    }
    this.provider = provider;
    this.timeout = timeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public String provider() {
    return provider;
  }

  /**
   * Sends the request with the timeout; an HTTP answer of any status is returned, the rest is
   * {@link NoAnswer}.
   */
  public Answer send(HttpRequest.Builder request) throws NoAnswer {
    HttpRequest r = request.timeout(timeout).build();
    try {
      HttpResponse<String> response =
          http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers(),
          response.body() == null ? "" : response.body(),
          clock.instant());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("could not connect within " + timeout, e);
    } catch (HttpTimeoutException e) {
      throw new NoAnswer(
          new HandOffResult.TimedOut(
              provider
                  + " gave no answer within "
                  + timeout
                  + " after the request was sent ("
                  + r.method()
                  + " "
                  + r.uri()
                  + ")"));
    } catch (IOException e) {
      if (neverConnected(e)) {
        throw unreachable("could not connect", e);
      }
      throw new NoAnswer(
          new HandOffResult.TimedOut(
              "the connection to "
                  + provider
                  + " broke after the request was "
                  + "sent, without an answer ("
                  + describe(e)
                  + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswer(
          new HandOffResult.TimedOut(
              "interrupted while waiting for "
                  + provider
                  + "'s answer; the request may have gone out"));
    }
  }

  private NoAnswer unreachable(String what, IOException e) {
    return new NoAnswer(
        new HandOffResult.Retryable(
            provider + " " + what + " (" + describe(e) + "); nothing was sent", Optional.empty()));
  }

  /**
   * The request cannot have reached the provider: refused, unknown host, no route, TLS handshake
   * failed.
   */
  static boolean neverConnected(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnresolvedAddressException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  /** The provider's HTTP answer. */
  public record Answer(int status, HttpHeaders headers, String body, Instant receivedAt) {
    public boolean serverError() {
      return status >= 500 && status <= 599;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
    public Optional<Duration> retryAfter() {
      return headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, receivedAt));
    }

    /** The start of the body, for failure messages. */
    public String snippet() {
      String oneLine = body.replaceAll("\\s+", " ").trim();
      return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
  }

  /** No HTTP answer: the outcome is already decided (unreachable or timed out). */
  public static final class NoAnswer extends Exception {
    private final transient HandOffResult result;

    NoAnswer(HandOffResult result) {
      super(result.toString(), null, false, false);
      this.result = result;
    }

    public HandOffResult result() {
      return result;
    }
  }
}
