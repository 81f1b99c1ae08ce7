package io.octopods.features.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of {@code docs/edge-cases.md} (shipped in the harness as {@code docs/edge-cases.md}) and
 * the providers each concerns: its provider column, where {@code all} and {@code any} mean every
 * provider.
 */
public final class EdgeCaseRows {
  static final String RESOURCE = "docs/edge-cases.md";
  private static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-Z][0-9]+) \\| ([^|]+)\\|");

  /** A row: its id (e.g. {@code A1}) and the providers it concerns. */
  public record Row(String id, Set<String> providers) {
    public Row {
      providers = Set.copyOf(providers);
    }

    /** The tag that marks a scenario of this row, e.g. {@code a1}. */
    public String tag() {
      return id.toLowerCase(Locale.ROOT);
    }
  }

  private EdgeCaseRows() {}

  /** The rows of the edge-case document shipped with the harness, in its order. */
  public static List<Row> shipped() {
    try (InputStream in = EdgeCaseRows.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the harness is built without " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of an edge-case table in Markdown. */
  public static List<Row> parse(String markdown) {
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(markdown);
    while (m.find()) {
      rows.add(new Row(m.group(1), providers(m.group(2))));
    }
    return rows;
  }

  private static Set<String> providers(String column) {
    String text = column.strip().toLowerCase(Locale.ROOT);
    if (text.equals("all") || text.equals("any")) {
      return Set.copyOf(Ledger.PROVIDERS);
    }
    Set<String> providers = new LinkedHashSet<>();
    for (String p : text.split(",")) {
      String provider = p.strip();
      if (!Ledger.PROVIDERS.contains(provider)) {
        throw new IllegalArgumentException(
            "edge-cases.md names an unknown provider '" + provider + "' in '" + column + "'");
      }
      providers.add(provider);
    }
    return providers;
  }
}
