package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.ValueDescriptor;

/** One client's walk of its provider chain, being filled in; becomes a {@link ResolvedCredentials}. */
final class Resolution {
  boolean found;
  String provider;
  String profile;
  String reason;
  Origin keyIdOrigin;
  ValueDescriptor keyId;
  Origin secretOrigin;
  ValueDescriptor secret;
  Origin tokenOrigin;
  ValueDescriptor token;
  String error;
  Material material;

  static Resolution found(String provider, String profile, String reason) {
    Resolution r = new Resolution();
    r.found = true;
    r.provider = provider;
    r.profile = profile;
    r.reason = reason;
    return r;
  }

  static Resolution notFound(String error) {
    Resolution r = new Resolution();
    r.error = error;
    return r;
  }

  Resolution key(Origin origin, ValueDescriptor d) {
    keyIdOrigin = origin;
    keyId = d;
    return this;
  }

  Resolution secret(Origin origin, ValueDescriptor d) {
    secretOrigin = origin;
    secret = d;
    return this;
  }

  Resolution token(Origin origin, ValueDescriptor d) {
    tokenOrigin = origin;
    token = d;
    return this;
  }

  Resolution material(Material m) {
    material = m;
    return this;
  }

  ResolvedCredentials fact(String client, boolean effective) {
    return new ResolvedCredentials(client, effective, found, provider, profile, reason, keyIdOrigin, keyId,
        secretOrigin, secret, tokenOrigin, token, error);
  }
}
