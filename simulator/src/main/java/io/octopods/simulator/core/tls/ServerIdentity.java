package io.octopods.simulator.core.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A server's key and its certificate chain (server certificate first, then the CA's). */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
  static final String ALIAS = "octopods-server";

  public ServerIdentity {
    chain = List.copyOf(chain);
  }

  /**
   * The key and chain as a PKCS#12 key store, for servers that load one from a file (WireMock's
   * Jetty).
   */
  public void writeKeyStore(Path file, String password) {
    try (OutputStream out = Files.newOutputStream(file)) {
      keyStore(password).store(out, password.toCharArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the server key store " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot write the server key store " + file + ": " + e.getMessage(), e);
    }
  }

  /** A TLS context that presents this identity and asks nothing of its clients. */
  public SSLContext serverContext() {
    try {
      String password = "octopods";
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore(password), password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot make a TLS context of the server certificate: " + e.getMessage(), e);
    }
  }

  private KeyStore keyStore(String password) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an empty store reads nothing
    }
    store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
    return store;
  }
}
