package dev.tokendoctor.collect;

/**
 * Raw credentials as one client would send them. Lives only in memory for the STS probes; never printed
 * ({@link #toString} hides everything), never put in a fact.
 */
final class Material {
  final String keyId;
  final String secret;
  final String token;

  Material(String keyId, String secret, String token) {
    this.keyId = keyId;
    this.secret = secret;
    this.token = token == null || token.isBlank() ? null : token;
  }

  boolean usable() {
    return keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank();
  }

  /** The key id as it may be shown: {@code AKIA…MPLE}. */
  String shownKeyId(Descriptors d) {
    var desc = d.keyId(keyId);
    return desc == null || desc.shown() == null ? "(not shown)" : desc.shown();
  }

  @Override
  public String toString() {
    return "Material(hidden)";
  }
}
