package io.octopods.service.adapters.http.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys and the workspace each belongs to (api.md, Public API): from {@code
 * OCTOPODS_API_KEYS} ({@code workspace:key,workspace:key}), or, when that is unset or blank, one
 * workspace {@code demo} whose key is generated on first start and kept in {@code
 * <data-dir>/demo.key}. A workspace may have several keys (rotation); one key never belongs to two
 * workspaces. Keys are compared in constant time.
 */
public final class ApiKeys {
  public static final String VARIABLE = "OCTOPODS_API_KEYS";
  public static final String DEMO_WORKSPACE = "demo";
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E&&[^,]]+");

  private final List<Entry> entries;
  private final Optional<String> demoKey;

  private record Entry(byte[] keyHash, String workspace) {}

  private ApiKeys(Map<String, String> workspaceByKey, Optional<String> demoKey) {
    List<Entry> list = new ArrayList<>();
    workspaceByKey.forEach((key, workspace) -> list.add(new Entry(sha256(key), workspace)));
    this.entries = List.copyOf(list);
    this.demoKey = demoKey;
  }

  /**
   * @param env the value of {@value #VARIABLE}; empty or blank means the demo workspace
   * @param dataDir where {@code demo.key} is kept when the demo workspace is used
   * @throws IllegalArgumentException when the variable is not {@code workspace:key,...}; the
   *     message says which entry and how to fix it, and never shows a key
   */
  public static ApiKeys from(Optional<String> env, Path dataDir) {
    Optional<String> value = env.filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      String key = DemoKeyFile.readOrCreate(dataDir);
      return new ApiKeys(Map.of(key, DEMO_WORKSPACE), Optional.of(key));
    }
    return new ApiKeys(parse(value.get()), Optional.empty());
  }

  static Map<String, String> parse(String value) {
    Map<String, String> workspaceByKey = new LinkedHashMap<>();
    String[] items = value.split(",");
    for (int i = 0; i < items.length; i++) {
      String item = items[i].trim();
      if (item.isEmpty()) {
        continue;
      }
      int colon = item.indexOf(':');
      String where = VARIABLE + " entry " + (i + 1);
      String expected =
          "; expected workspace:key pairs separated by commas, like acme:k_live_1,beta:k_live_2 "
              + "(or unset "
              + VARIABLE
              + " to use the demo workspace)";
      if (colon < 0) {
        throw new IllegalArgumentException(
            where + " has no ':' between workspace and key" + expected);
      }
      String workspace = item.substring(0, colon).trim();
      String key = item.substring(colon + 1).trim();
      if (!WORKSPACE.matcher(workspace).matches()) {
        throw new IllegalArgumentException(
            where
                + " names the workspace '"
                + workspace
                + "', which is not 1 to 100 "
                + "letters, digits, '.', '_' or '-' starting with a letter or digit"
                + expected);
      }
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            where
                + " (workspace "
                + workspace
                + ") has an empty key or one with "
                + "spaces or characters outside printable ASCII"
                + expected);
      }
      String earlier = workspaceByKey.putIfAbsent(key, workspace);
      if (earlier != null && !earlier.equals(workspace)) {
        throw new IllegalArgumentException(
            where
                + " gives workspace "
                + workspace
                + " the key of workspace "
                + earlier
                + "; a key belongs to one workspace: give each its own key");
      }
    }
    if (workspaceByKey.isEmpty()) {
      throw new IllegalArgumentException(
          VARIABLE
              + " lists no key"
              + "; expected workspace:key pairs separated by "
              + "commas, like acme:k_live_1 (or unset it to use the demo workspace)");
    }
    return workspaceByKey;
  }

  /**
   * The workspace of a bearer key; every known key is compared, in constant time, whatever matches.
   */
  public Optional<String> workspaceOf(String bearerKey) {
    if (bearerKey == null) {
      return Optional.empty();
    }
    byte[] candidate = sha256(bearerKey);
    String found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.keyHash(), candidate) && found == null) {
        found = entry.workspace();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The generated key of the demo workspace; empty when keys come from {@value #VARIABLE}. */
  public Optional<String> demoKey() {
    return demoKey;
  }

  /** The workspaces, in the order first listed. */
  public List<String> workspaces() {
    return entries.stream().map(Entry::workspace).distinct().toList();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
