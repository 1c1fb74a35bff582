package dev.tokendoctor.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The names credentials must be filed under, and the near misses people write instead. Clients read only the
 * exact names ({@code AWS_SECRET_ACCESS_KEY} in the environment, {@code aws_secret_access_key} in the shared
 * files): {@code AWS_SECERT_ACCESS_KEY}, {@code aws_session_toke}, {@code aws-secret-access-key} or a lower-case
 * environment variable are silently ignored, and the value under them is a credential all the same.
 */
public final class CredentialNames {
  private static final List<String> NAMES = List.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token");
  /** Names used by other tools or retired SDKs, far from the real name in spelling but meant as it. */
  private static final Map<String, String> ALIASES = Map.of(
      "aws_secret_key", "aws_secret_access_key",
      "aws_secret", "aws_secret_access_key",
      "aws_access_secret_key", "aws_secret_access_key",
      "aws_session_key", "aws_session_token",
      "aws_key_id", "aws_access_key_id");
  /** Edits (a swapped, missing or extra letter or two) that still read as the real name; the names are 17 to 21 characters long. */
  private static final LevenshteinDistance NEAR = new LevenshteinDistance(3);
  private static final int SHORTEST = 17;
  private static final int LONGEST = 21;
  /** Names already judged ("" for none), bounded: bundles are untrusted and could name anything. */
  private static final Map<String, String> MEMO = new ConcurrentHashMap<>();
  private static final int MEMO_LIMIT = 10_000;

  private CredentialNames() {}

  /** The environment variable {@code name} was meant to be ({@code AWS_SECRET_ACCESS_KEY}), or {@code null} for a real name or an unrelated one. */
  public static String meantVariable(String name) {
    String meant = meant(name);
    return meant == null || name.equals(meant.toUpperCase(Locale.ROOT)) ? null : meant.toUpperCase(Locale.ROOT);
  }

  /** The shared-file setting {@code key} was meant to be ({@code aws_secret_access_key}), or {@code null} for a real name or an unrelated one. */
  public static String meantKey(String key) {
    String meant = meant(key);
    return meant == null || key.toLowerCase(Locale.ROOT).strip().equals(meant) ? null : meant;
  }

  /** {@code name} (a real name or a near miss) stands for an access key id, the one credential that may be shown in part. */
  public static boolean keyId(String name) {
    return "aws_access_key_id".equals(meant(name));
  }

  /** The real name (lower case) {@code name} is or stands for, or {@code null}. */
  static String meant(String name) {
    if (name == null) {
      return null;
    }
    // Rules ask for every variable and key of every bundle; the same few names come back again and again.
    String known = MEMO.get(name);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String meant = compute(name);
    if (MEMO.size() < MEMO_LIMIT) {
      MEMO.put(name, meant == null ? "" : meant);
    }
    return meant;
  }

  private static String compute(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace('.', '_');
    if (NAMES.contains(n)) {
      return n;
    }
    if (ALIASES.containsKey(n)) {
      return ALIASES.get(n);
    }
    if (n.length() < SHORTEST - 4 || n.length() > LONGEST + 3) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String real : NAMES) {
      int d = NEAR.apply(n, real);
      if (d < 0 && real.equals("aws_" + n)) {
        // The prefix left out: secret_access_key, session_token.
        d = 4;
      }
      if (d >= 0 && d < bestDistance) {
        bestDistance = d;
        best = real;
      }
    }
    return best;
  }
}
