package io.octopods.simulator.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom the simulators trust when they call an {@code https} webhook: the JDK's CAs, plus the
 * certificates of the PEM files given with {@code --trust} (a test CA, a company CA, a receiver's
 * self-signed certificate).
 */
public final class CallbackTrust {
  private CallbackTrust() {}

  /** A TLS context trusting the JDK's CAs and every certificate in {@code pemFiles}. */
  public static SSLContext trusting(List<Path> pemFiles) {
    try {
      List<X509ExtendedTrustManager> managers = new ArrayList<>();
      managers.add(managerOf(null));
      if (!pemFiles.isEmpty()) {
        managers.add(managerOf(storeOf(pemFiles)));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new EitherTrustManager(managers)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot set up the callbacks' TLS trust: " + e.getMessage(), e);
    }
  }

  private static KeyStore storeOf(List<Path> pemFiles) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e); // an empty store reads nothing
    }
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    for (Path file : pemFiles) {
      Collection<? extends Certificate> certificates;
      try (InputStream in = Files.newInputStream(file)) {
        certificates = x509.generateCertificates(in);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "--trust "
                + file
                + " cannot be read as PEM certificates ("
                + e.getMessage()
                + "); give a file of one or more '-----BEGIN CERTIFICATE-----' blocks",
            e);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "--trust "
                + file
                + " holds no certificate; give a file of one or more"
                + " '-----BEGIN CERTIFICATE-----' blocks");
      }
      int n = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry(file.getFileName() + "-" + n++, c);
      }
    }
    return store;
  }

  private static X509ExtendedTrustManager managerOf(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }
}
