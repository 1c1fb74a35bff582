package dev.tokendoctor.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests the AWS CLI names its cache files with. */
final class Hashes {
  private Hashes() {}

  static String sha1(String s) {
    return hex("SHA-1", s);
  }

  static String sha256(String s) {
    return hex("SHA-256", s);
  }

  private static String hex(String alg, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(alg + " is missing from this Java runtime", e);
    }
  }
}
