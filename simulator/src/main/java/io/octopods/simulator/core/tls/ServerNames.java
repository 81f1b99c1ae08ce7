package io.octopods.simulator.core.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a server certificate is valid for: DNS names and IP address literals, without
 * duplicates.
 */
public record ServerNames(List<String> dnsNames, List<String> ipAddresses) {
  public ServerNames {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /**
   * Sorts {@code names} into IP literals ({@code 127.0.0.1}, {@code ::1}) and DNS names
   * (lower-cased).
   */
  public static ServerNames of(Collection<String> names) {
    Set<String> dns = new LinkedHashSet<>();
    Set<String> ips = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (isIpLiteral(name)) {
        ips.add(name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
      } else {
        dns.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return new ServerNames(new ArrayList<>(dns), new ArrayList<>(ips));
  }

  /** Every name, DNS names first. */
  public List<String> all() {
    List<String> all = new ArrayList<>(dnsNames);
    all.addAll(ipAddresses);
    return all;
  }

  static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
