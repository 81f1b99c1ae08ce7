package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider drift: what captured callbacks do that the contracts and the simulator's library do not
 * know (docs/simulator.md, "Provider drift: scenario diff"). New status words, fields the callback
 * contract does not declare, required fields missing, values of another type or shape, error codes
 * the simulator's tables lack; and the capture's own problems, each with its line, never an
 * exception.
 */
public final class CaptureDiff {
  /** What kind of drift a finding is. */
  public enum Kind {
    NEW_WORD("new status word"),
    NEW_FIELD("new field"),
    MISSING_FIELD("missing field"),
    CHANGED_TYPE("changed type"),
    BREACH("other contract breach"),
    NEW_ERROR_CODE("new error code");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How reports name it. */
    public String words() {
      return words;
    }

    /** How the JSON report names it: {@code new_word}, {@code changed_type}, ... */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One thing the captured callbacks do that the contracts do not say.
   *
   * @param what the word, the field's path (array indices as {@code *}) or the code
   * @param detail more about it, or empty
   * @param count how many times it was seen
   * @param first the callback it was first seen in ("callback 3 (line 4)")
   */
  public record Finding(Kind kind, String what, String detail, int count, String first) {}

  private static final Pattern REQUIRED = Pattern.compile("required property '([^']+)' not found");
  private static final Pattern TYPE = Pattern.compile("(\\w+) found, (\\w+) expected");

  private final String provider;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final List<Capture.Problem> problems = new ArrayList<>();
  private int reports;

  private CaptureDiff(String provider) {
    this.provider = provider;
  }

  /** Compares a capture with its provider's callback contract and the simulator's library. */
  public static Report of(Capture capture) {
    String provider = capture.header() == null ? "" : capture.header().provider();
    CaptureDiff diff = new CaptureDiff(provider);
    diff.problems.addAll(capture.problems());
    Optional<CallbackReader> reader = CallbackReader.of(provider);
    if (reader.isEmpty()) {
      if (!capture.callbacks().isEmpty()) {
        diff.problems.add(
            new Capture.Problem(
                1,
                capture.callbacks().size()
                    + " callbacks not checked: no provider to read them as (twilio, whatsapp or"
                    + " viber)"));
      }
    } else {
      for (CapturedReports.Read read : CapturedReports.of(capture, reader.get()).reads()) {
        diff.check(reader.get(), read, capture.lineOf(read.index()));
      }
    }
    return new Report(
        provider, capture.callbacks().size(), diff.reports, diff.findings(), diff.problems);
  }

  private void check(CallbackReader reader, CapturedReports.Read read, int line) {
    String label = read.arrival().label();
    if (read.reading().isEmpty()) {
      problems.add(
          new Capture.Problem(
              line,
              label + ": the body cannot be read (cut off?): " + read.unreadable().orElse("")));
      return;
    }
    String body = read.callback().body();
    Optional<String> contentType = read.arrival().contentType();
    boolean form = reader.formBody(body, contentType);
    List<ContractBreach> breaches =
        form
            ? Contracts.shipped().checkForm(reader.contract(), body)
            : Contracts.shipped().check(reader.contract(), body);
    breaches.forEach(b -> breach(b, label));
    JsonNode document =
        form
            ? Json.MAPPER.valueToTree(TwilioCallbackReader.params(body, contentType))
            : Json.parse(body);
    ContractFields.of(reader.contract())
        .undeclared(document)
        .forEach(
            path -> tally(Kind.NEW_FIELD, path, "not declared by " + reader.contract(), label));
    for (StatusItem item : read.reading().get().items()) {
      reports++;
      if (!KnownWords.known(provider, item.word())) {
        tally(
            Kind.NEW_WORD,
            item.word(),
            "not mapped by status-model.md section 4 and played by no library scenario",
            label);
      }
      item.error()
          .filter(e -> !reader.knownError(e))
          .ifPresent(
              e ->
                  tally(
                      Kind.NEW_ERROR_CODE,
                      e,
                      reader.errorIsCode()
                          ? "not in the simulator's error table"
                          : "a failure description the simulator does not write",
                      label));
    }
  }

  private void breach(ContractBreach b, String label) {
    String pointer = indicesAsStars(b.pointer());
    Matcher required = REQUIRED.matcher(b.message());
    Matcher type = TYPE.matcher(b.message());
    if (required.find()) {
      tally(Kind.MISSING_FIELD, pointer + "/" + required.group(1), "required", label);
    } else if (type.find()) {
      tally(
          Kind.CHANGED_TYPE,
          pointer,
          "expected " + type.group(2) + ", found " + type.group(1),
          label);
    } else {
      tally(Kind.BREACH, pointer.isEmpty() ? "/" : pointer, b.message(), label);
    }
  }

  private void tally(Kind kind, String what, String detail, String label) {
    findings.merge(
        kind + " " + what + " " + detail,
        new Finding(kind, what, detail, 1, label),
        (a, b) -> new Finding(a.kind(), a.what(), a.detail(), a.count() + 1, a.first()));
  }

  private List<Finding> findings() {
    List<Finding> sorted = new ArrayList<>(findings.values());
    sorted.sort(java.util.Comparator.comparing(Finding::kind));
    return sorted;
  }

  private static String indicesAsStars(String pointer) {
    return pointer.replaceAll("/\\d+(?=/|$)", "/*");
  }

  /** What {@link #of} found, as a verdict, Markdown, JSON and one paragraph. */
  public static final class Report {
    private final String provider;
    private final int callbacks;
    private final int reports;
    private final List<Finding> findings;
    private final List<Capture.Problem> problems;

    Report(
        String provider,
        int callbacks,
        int reports,
        List<Finding> findings,
        List<Capture.Problem> problems) {
      this.provider = provider;
      this.callbacks = callbacks;
      this.reports = reports;
      this.findings = List.copyOf(findings);
      this.problems = List.copyOf(problems);
    }

    /** Whether the callbacks do anything the contracts or the library do not know. */
    public boolean leftTheContracts() {
      return !findings.isEmpty();
    }

    public String provider() {
      return provider;
    }

    public List<Finding> findings() {
      return findings;
    }

    /** The capture's problems: bad lines, unreadable bodies, an unknown provider. */
    public List<Capture.Problem> problems() {
      return problems;
    }

    public String summary() {
      return DriftText.summary(provider, callbacks, reports, findings, problems);
    }

    public String markdown() {
      return DriftText.markdown(provider, findings, problems, summary());
    }

    public JsonNode json() {
      ObjectNode n = Json.object();
      n.put("provider", provider);
      n.put("callbacks", callbacks);
      n.put("status_reports", reports);
      n.put("left_the_contracts", leftTheContracts());
      var list = n.putArray("findings");
      for (Finding f : findings) {
        list.addObject()
            .put("kind", f.kind().key())
            .put("what", f.what())
            .put("detail", f.detail())
            .put("count", f.count())
            .put("first", f.first());
      }
      var bad = n.putArray("problems");
      problems.forEach(p -> bad.addObject().put("line", p.line()).put("what", p.what()));
      n.put("summary", summary());
      return n;
    }
  }
}
