package io.octopods.simulator.cli;

import io.octopods.simulator.SimulatorTls;
import io.octopods.simulator.Simulators;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./octopods sim --tls} and {@code ./octopods up --tls} print after the plain base
 * URLs: each provider's HTTPS port and its real host name on the router, then where the CA is.
 */
public final class HttpsLines {
  private HttpsLines() {}

  /** No lines when HTTPS is off. */
  public static List<String> of(Simulators sims) {
    List<String> lines = new ArrayList<>();
    sims.tls()
        .ifPresent(
            tls -> {
              for (String name : sims.providers()) {
                lines.add(
                    String.format(
                        "%-9s %s  %s",
                        name, sims.httpsBaseUrl(name).orElseThrow(), tls.routedUrl(name)));
              }
              lines.add(caLine(tls));
            });
    return lines;
  }

  private static String caLine(SimulatorTls tls) {
    return "TLS: certificates signed by the CA in "
        + tls.caPem()
        + " (Java trust store: "
        + tls.caP12()
        + ", password octopods"
        + (tls.caCreated() ? "; made now" : "")
        + "); the names on port "
        + tls.routerPort()
        + " answer once they resolve to this address (e.g. /etc/hosts)";
  }
}
