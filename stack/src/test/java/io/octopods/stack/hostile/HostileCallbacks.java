package io.octopods.stack.hostile;

import io.octopods.service.adapters.http.HttpServer;
import io.octopods.stack.hostile.CallbackSignatures.Signing;
import io.octopods.stack.hostile.MalformedCallbacks.Body;
import io.octopods.stack.hostile.MalformedCallbacks.Shape;
import io.octopods.stack.hostile.WebhookTargets.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The hostile-callback generator: a callback of the provider's real shape naming messages of ours
 * (from {@link WebhookTargets}) or ids nobody has, with a malformed body ({@link
 * MalformedCallbacks}), declared over the limit, sent with a right, wrong or missing content type,
 * and signed right or wrongly ({@link CallbackSignatures}); with the answer api.md orders: 413,
 * 415, 401, 400, 200.
 */
final class HostileCallbacks {
  private static final List<String> JSON_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "APPLICATION/JSON",
          "application/vnd.meta+json");
  private static final List<String> FORM_TYPES =
      List.of(
          "application/x-www-form-urlencoded",
          "application/x-www-form-urlencoded; charset=UTF-8",
          "Application/X-WWW-Form-Urlencoded");
  private static final List<String> BAD_TYPES =
      Arrays.asList(
          null,
          "text/plain",
          "application/xml",
          "multipart/form-data; boundary=xyz",
          "json",
          "text/json",
          "application/octet-stream",
          "*/*");

  /** One hostile callback, shown readably when jqwik shrinks to it. */
  record Callback(
      WebhookProvider provider,
      Shape shape,
      Signing signing,
      String contentType,
      boolean twilioJson,
      String query,
      byte[] body,
      long declaredOver,
      Map<String, String> headers,
      List<Target> named,
      ExpectedAnswer expect) {
    @Override
    public String toString() {
      return "Callback["
          + provider
          + " "
          + shape
          + ", signature "
          + signing
          + ", Content-Type "
          + (contentType == null ? "(none)" : "'" + contentType + "'")
          + (twilioJson ? ", JSON with bodySHA256" : "")
          + ", POST "
          + provider.path()
          + query
          + ", headers "
          + headers
          + (declaredOver > 0
              ? ", declared Content-Length " + declaredOver + " (body not sent)"
              : ", body (" + body.length + " bytes) " + Samples.show(body, 700))
          + ", names "
          + named
          + ", expected "
          + expect.statuses()
          + " mentioning "
          + expect.detailMentions()
          + (expect.reports() >= 0 ? " with " + expect.reports() + " report(s) kept" : "")
          + "]";
    }
  }

  private final WebhookTargets targets;

  HostileCallbacks(WebhookTargets targets) {
    this.targets = targets;
  }

  /** Any provider, any shape, any signing, any content type (mostly right ones). */
  Arbitrary<Callback> any() {
    Arbitrary<Shape> shape =
        Arbitraries.frequency(
            Tuple.of(10, Shape.VALID),
            Tuple.of(8, Shape.UNKNOWN_FIELDS),
            Tuple.of(10, Shape.WRONG_ITEM_TYPES),
            Tuple.of(5, Shape.NOT_A_REPORT),
            Tuple.of(8, Shape.INVALID_UTF8),
            Tuple.of(10, Shape.TRUNCATED),
            Tuple.of(6, Shape.NOT_AN_OBJECT),
            Tuple.of(8, Shape.NO_ENVELOPE),
            Tuple.of(2, Shape.NEAR_LIMIT),
            Tuple.of(3, Shape.OVER_LIMIT));
    Arbitrary<Signing> signing =
        Arbitraries.frequency(
            Tuple.of(12, Signing.VALID),
            Tuple.of(2, Signing.OTHER_KEY),
            Tuple.of(2, Signing.OTHER_BYTES),
            Tuple.of(2, Signing.TRUNCATED),
            Tuple.of(1, Signing.GARBAGE),
            Tuple.of(2, Signing.MISSING));
    Arbitrary<Integer> contentType = Arbitraries.integers().between(0, 99);
    Arbitrary<Integer> choice = Arbitraries.integers().between(0, 9_999);
    Arbitrary<Boolean> twilioJson = Arbitraries.integers().between(0, 3).map(i -> i == 0);
    return Combinators.combine(
            Arbitraries.of(WebhookProvider.class),
            shape,
            signing,
            contentType,
            choice,
            choice,
            choice,
            twilioJson)
        .as(this::build);
  }

  /**
   * Only the body a UTF-32 look-alike (three NUL bytes first), on every provider, signed or not.
   */
  Arbitrary<Callback> utf32Lookalikes() {
    Arbitrary<Integer> choice = Arbitraries.integers().between(0, 9_999);
    return Combinators.combine(
            Arbitraries.of(WebhookProvider.class),
            Arbitraries.of(Signing.VALID, Signing.MISSING),
            Arbitraries.integers().between(0, 84),
            choice,
            choice,
            choice,
            Arbitraries.of(false, true))
        .as((p, sig, ct, a, b, c, tj) -> build(p, Shape.UTF32_LOOKALIKE, sig, ct, a, b, c, tj));
  }

  /**
   * {@code ct}: below 85 a right content type, else a wrong one; {@code a, b, c}: the sample's
   * choices.
   */
  Callback build(
      WebhookProvider p,
      Shape shape,
      Signing signing,
      int ct,
      int a,
      int b,
      int c,
      boolean twilioJsonChoice) {
    boolean twilioJson = p == WebhookProvider.TWILIO && twilioJsonChoice;
    List<String> rightTypes = p != WebhookProvider.TWILIO || twilioJson ? JSON_TYPES : FORM_TYPES;
    boolean typeOk = ct < 85;
    String contentType =
        typeOk ? rightTypes.get(ct % rightTypes.size()) : BAD_TYPES.get(ct % BAD_TYPES.size());
    List<Target> pool = targets.pool(p);
    // the reports: 1 for Twilio and Viber, 1 to 3 for WhatsApp; each names a message of ours or an
    // unknown id
    int items = p == WebhookProvider.WHATSAPP ? 1 + b % 3 : 1;
    List<Target> named = new ArrayList<>();
    List<String[]> reports = new ArrayList<>(); // {providerId, ourId or null, word}
    for (int i = 0; i < items; i++) {
      int pick = (a + 7 * i) % (pool.size() + 2);
      String word = p.words().get((a / 7 + i + c) % p.words().size());
      if (pick < pool.size()) {
        Target t = pool.get(pick);
        named.add(t);
        reports.add(new String[] {t.providerId(), (b + i) % 2 == 0 ? t.messageId() : null, word});
      } else {
        reports.add(new String[] {p.unknownId(a * 31 + b + i), null, word});
      }
    }
    Body body = MalformedCallbacks.body(p, twilioJson, shape, reports, a, b);
    String query =
        p == WebhookProvider.TWILIO && reports.get(0)[1] != null
            ? "?message_id=" + reports.get(0)[1]
            : "";
    String signedQuery =
        twilioJson ? CallbackSignatures.twilioJsonQuery(query, signing, body.bytes()) : query;
    Map<String, String> headers = new LinkedHashMap<>();
    String signature =
        CallbackSignatures.signature(
            targets.service(), p, twilioJson, signing, signedQuery, body.bytes(), c);
    if (signature != null) {
      headers.put(p.signatureHeader, signature);
    }
    // the expected answer, in the order of api.md: 413, 415, 401, 400, 200
    ExpectedAnswer expect;
    long declaredOver = 0;
    if (shape == Shape.OVER_LIMIT) {
      declaredOver = HttpServer.MAX_BODY + 1 + (long) a * c % (8L * 1024 * 1024);
      expect = ExpectedAnswer.of(413, "bytes");
    } else if (!typeOk) {
      expect =
          ExpectedAnswer.of(
              415,
              contentType == null
                  ? "no Content-Type"
                  : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
    } else if (signing != Signing.VALID) {
      expect = ExpectedAnswer.of(401, p.signatureHeader);
    } else {
      expect = body.expect();
    }
    return new Callback(
        p,
        shape,
        signing,
        contentType,
        twilioJson,
        signedQuery,
        body.bytes(),
        declaredOver,
        headers,
        named,
        expect);
  }
}
