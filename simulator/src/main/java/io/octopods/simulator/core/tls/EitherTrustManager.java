package io.octopods.simulator.core.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server when any of its trust managers does. Each one checks the host name itself (the
 * socket's endpoint identification), so a certificate trusted for another name is still refused.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
  private final List<X509ExtendedTrustManager> managers;

  EitherTrustManager(List<X509ExtendedTrustManager> managers) {
    this.managers = List.copyOf(managers);
  }

  @FunctionalInterface
  private interface Check {
    void by(X509ExtendedTrustManager manager) throws CertificateException;
  }

  private void anyOf(Check check) throws CertificateException {
    CertificateException first = null;
    for (X509ExtendedTrustManager m : managers) {
      try {
        check.by(m);
        return;
      } catch (CertificateException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    throw new CertificateException(
        "the server's certificate is trusted neither by the JDK's CAs nor by a --trust"
            + " file ("
            + first.getMessage()
            + "); pass the PEM of the CA that signed it with --trust",
        first);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    anyOf(m -> m.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    anyOf(m -> m.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    anyOf(m -> m.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    anyOf(m -> m.checkClientTrusted(chain, authType, socket));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    anyOf(m -> m.checkClientTrusted(chain, authType, engine));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    anyOf(m -> m.checkClientTrusted(chain, authType));
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return managers.stream()
        .flatMap(m -> Stream.of(m.getAcceptedIssuers()))
        .toArray(X509Certificate[]::new);
  }
}
