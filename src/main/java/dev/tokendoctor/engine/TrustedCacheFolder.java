package dev.tokendoctor.engine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The compiled-rules cache is read with Java deserialization, which runs code chosen by whoever wrote the bytes;
 * so only this user's bytes are read. The folder must be this user's, a real folder (not a symbolic link), and
 * writable by no one else (a folder of this user's that others may write is made private, as the daemon's folder
 * is); each file must be this user's regular file; and each file ends with an HMAC-SHA256 of its content under a
 * key only this user can read ({@code mac.key}, mode 600), checked before a byte is deserialized. A file that
 * someone else put there, or that was copied from another cache, fails the check and is compiled again.
 */
final class TrustedCacheFolder {
  static final int MAC_LENGTH = 32;
  private static final String KEY_FILE = "mac.key";
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final Path dir;
  private byte[] key;

  TrustedCacheFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * Whether the folder may be used: this user's real folder, made private if others could write it. With
   * {@code create}, a missing folder is created private.
   */
  boolean usable(boolean create) {
    try {
      if (create && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (FileAlreadyExistsException e) {
          // made by a concurrent run: checked below like any existing folder
        }
      }
      PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isDirectory() || !isMine(a)) {
        return false;
      }
      if (a.permissions().contains(PosixFilePermission.GROUP_WRITE)
          || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
        Files.setPosixFilePermissions(dir, PRIVATE);
      }
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** The content of {@code file} without its MAC, or {@code null} when it is not this user's or the MAC fails. */
  byte[] read(Path file) {
    try {
      if (!usable(false)) {
        return null;
      }
      PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || !isMine(a)) {
        return null;
      }
      byte[] k = key(false);
      byte[] all = Files.readAllBytes(file);
      if (k == null || all.length < MAC_LENGTH) {
        return null;
      }
      byte[] content = Arrays.copyOf(all, all.length - MAC_LENGTH);
      byte[] mac = Arrays.copyOfRange(all, all.length - MAC_LENGTH, all.length);
      return MessageDigest.isEqual(mac, mac(k, content)) ? content : null;
    } catch (IOException | UnsupportedOperationException | SecurityException | GeneralSecurityException e) {
      return null;
    }
  }

  /** {@code content} followed by its MAC, for a file in the folder; {@code null} when the folder is not usable. */
  byte[] seal(byte[] content) throws IOException {
    if (!usable(true)) {
      return null;
    }
    byte[] k = key(true);
    if (k == null) {
      return null;
    }
    try {
      byte[] mac = mac(k, content);
      byte[] out = Arrays.copyOf(content, content.length + MAC_LENGTH);
      System.arraycopy(mac, 0, out, content.length, MAC_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  /** This user's key for the folder, made on first write; {@code null} when there is no trustworthy one. */
  private synchronized byte[] key(boolean create) throws IOException {
    if (key != null) {
      return key;
    }
    Path file = dir.resolve(KEY_FILE);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      if (!create) {
        return null;
      }
      byte[] fresh = new byte[MAC_LENGTH];
      new SecureRandom().nextBytes(fresh);
      Path tmp = Files.createTempFile(dir, "mac", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.write(tmp, fresh);
        // A hard link never replaces: of two runs making a key at once, one key wins and both use it.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        // the other run's key
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile() || !isMine(a) || a.permissions().stream().anyMatch(OTHERS::contains)
        || a.size() != MAC_LENGTH) {
      return null;
    }
    key = Files.readAllBytes(file);
    return key.length == MAC_LENGTH ? key : null;
  }

  private static byte[] mac(byte[] key, byte[] content) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(content);
  }

  private static boolean isMine(PosixFileAttributes a) {
    return a.owner().getName().equals(System.getProperty("user.name"));
  }
}
