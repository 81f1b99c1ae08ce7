package io.octopods.service.adapters.surfaces.canvaskit;

import io.octopods.service.adapters.http.api.ApiKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of our workspaces an Intercom workspace sees (api.md, "Surfaces"): {@code
 * OCTOPODS_INTERCOM_WORKSPACES} ({@code <intercom workspace_id>:<workspace>,...}); when it is unset
 * or blank, every Intercom workspace maps to the first workspace of the API keys ({@code demo}
 * without keys). When it is set, an Intercom workspace it does not list sees nothing.
 */
public final class IntercomWorkspaces {
  public static final String VARIABLE = "OCTOPODS_INTERCOM_WORKSPACES";
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern INTERCOM_ID = Pattern.compile("[\\x21-\\x7E&&[^,:]]{1,200}");

  private final Map<String, String> byIntercomId;
  private final Optional<String> everyone;

  private IntercomWorkspaces(Map<String, String> byIntercomId, Optional<String> everyone) {
    this.byIntercomId = Map.copyOf(byIntercomId);
    this.everyone = everyone;
  }

  /**
   * @param env the value of {@value #VARIABLE}; empty or blank means everyone maps to the first
   *     workspace of {@code keys}
   * @throws IllegalArgumentException when the value is not {@code id:workspace,...}; the message
   *     says which entry
   */
  public static IntercomWorkspaces from(Optional<String> env, ApiKeys keys) {
    Optional<String> value = env.filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      List<String> workspaces = keys.workspaces();
      return new IntercomWorkspaces(
          Map.of(), Optional.of(workspaces.isEmpty() ? ApiKeys.DEMO_WORKSPACE : workspaces.get(0)));
    }
    return new IntercomWorkspaces(parse(value.get()), Optional.empty());
  }

  static Map<String, String> parse(String value) {
    Map<String, String> map = new LinkedHashMap<>();
    String[] items = value.split(",");
    String expected =
        "; expected <intercom workspace_id>:<workspace> pairs separated by commas, like "
            + "ecahpwf5:acme,tx2p130c:beta (or unset "
            + VARIABLE
            + " to show the first workspace of the API keys)";
    for (int i = 0; i < items.length; i++) {
      String item = items[i].trim();
      if (item.isEmpty()) {
        continue;
      }
      String where = VARIABLE + " entry " + (i + 1);
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            where
                + " ('"
                + item
                + "') has no ':' between the Intercom workspace_id "
                + "and the workspace"
                + expected);
      }
      String intercomId = item.substring(0, colon).trim();
      String workspace = item.substring(colon + 1).trim();
      if (!INTERCOM_ID.matcher(intercomId).matches()) {
        throw new IllegalArgumentException(
            where
                + " has the Intercom workspace_id '"
                + intercomId
                + "', which is "
                + "empty or has spaces, ':' or characters outside printable ASCII"
                + expected);
      }
      if (!WORKSPACE.matcher(workspace).matches()) {
        throw new IllegalArgumentException(
            where
                + " names the workspace '"
                + workspace
                + "', which is not 1 to 100 "
                + "letters, digits, '.', '_' or '-' starting with a letter or digit"
                + expected);
      }
      String earlier = map.putIfAbsent(intercomId, workspace);
      if (earlier != null && !earlier.equals(workspace)) {
        throw new IllegalArgumentException(
            where
                + " maps Intercom workspace "
                + intercomId
                + " to "
                + workspace
                + ", but an earlier entry maps it to "
                + earlier
                + "; an Intercom workspace sees one workspace"
                + expected);
      }
    }
    if (map.isEmpty()) {
      throw new IllegalArgumentException(VARIABLE + " lists no workspace" + expected);
    }
    return map;
  }

  /**
   * Our workspace for an Intercom workspace_id (or {@code app_id}); empty when it is not mapped.
   */
  public Optional<String> workspaceOf(Optional<String> intercomWorkspaceId) {
    if (everyone.isPresent()) {
      return everyone;
    }
    return intercomWorkspaceId.map(byIntercomId::get);
  }
}
