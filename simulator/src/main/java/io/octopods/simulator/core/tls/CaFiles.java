package io.octopods.simulator.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The simulators' CA, kept in the data directory: {@code ca.p12} (password {@code octopods}) holds
 * the CA certificate as a trusted entry, so that it serves as a Java trust store as it is, and the
 * CA key under a second alias; {@code ca.pem} holds the certificate alone, for Node, Python and
 * curl. Made on first use, read afterwards, so that what a team once trusted stays trusted.
 */
public final class CaFiles {
  public static final String PASSWORD = "octopods";
  static final String CERT_ALIAS = "octopods-ca";
  static final String KEY_ALIAS = "octopods-ca-key";

  /** File locks guard against other processes; this guards against other threads of this one. */
  private static final Object IN_THIS_PROCESS = new Object();

  /** The CA and where it is kept; {@code created} says whether this call made it. */
  public record KeptCa(CertificateAuthority authority, Path pem, Path p12, boolean created) {}

  private CaFiles() {}

  /**
   * Reads the CA of {@code dataDir}, or makes one there when there is none (or it expires within a
   * month).
   */
  public static KeptCa loadOrCreate(Path dataDir) {
    Path p12 = dataDir.resolve("ca.p12");
    Path pem = dataDir.resolve("ca.pem");
    synchronized (IN_THIS_PROCESS) {
      try {
        Files.createDirectories(dataDir);
        try (FileChannel channel =
                FileChannel.open(
                    dataDir.resolve(".ca.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock held = channel.lock()) {
          if (Files.exists(p12)) {
            CertificateAuthority kept = read(p12);
            if (kept.fresh()) {
              writeIfChanged(pem, pem(kept.certificate()));
              return new KeptCa(kept, pem, p12, false);
            }
          }
          CertificateAuthority made = CertificateAuthority.generate();
          writeP12(made, p12);
          writeIfChanged(pem, pem(made.certificate()));
          return new KeptCa(made, pem, p12, true);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot keep the simulators' CA in "
                + dataDir
                + ": "
                + e.getMessage()
                + "; make the data directory writable or choose another with --data-dir",
            e);
      }
    }
  }

  /** A certificate in PEM. */
  public static String pem(X509Certificate certificate) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static CertificateAuthority read(Path p12) throws IOException {
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      Key key = store.getKey(KEY_ALIAS, PASSWORD.toCharArray());
      Certificate cert = store.getCertificate(CERT_ALIAS);
      if (!(key instanceof PrivateKey) || !(cert instanceof X509Certificate)) {
        throw new GeneralSecurityException(
            "it lacks the entries '" + CERT_ALIAS + "' and '" + KEY_ALIAS + "'");
      }
      return new CertificateAuthority((PrivateKey) key, (X509Certificate) cert);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot read the simulators' CA from "
              + p12
              + " (password '"
              + PASSWORD
              + "'): "
              + e.getMessage()
              + ". Delete "
              + p12
              + " and ca.pem beside it to make a new CA (then trust the"
              + " new ca.pem), or choose another --data-dir",
          e);
    }
  }

  private static void writeP12(CertificateAuthority ca, Path p12) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry(CERT_ALIAS, ca.certificate());
      store.setKeyEntry(
          KEY_ALIAS, ca.key(), PASSWORD.toCharArray(), new Certificate[] {ca.certificate()});
      replace(p12, out -> store.store(out, PASSWORD.toCharArray()), true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot write the simulators' CA to " + p12 + ": " + e.getMessage(), e);
    }
  }

  private static void writeIfChanged(Path file, String text) throws IOException {
    if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(text)) {
      return;
    }
    replace(file, out -> out.write(text.getBytes(StandardCharsets.US_ASCII)), false);
  }

  /** Writes beside {@code target}, then moves into place, so that no reader sees half a file. */
  private static void replace(Path target, Writing writing, boolean secret) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(
            tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writing.to(out);
      } catch (GeneralSecurityException e) {
        throw new IOException(e.getMessage(), e);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @FunctionalInterface
  private interface Writing {
    void to(OutputStream out) throws IOException, GeneralSecurityException;
  }
}
