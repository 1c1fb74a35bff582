package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ValueDescriptor;

/**
 * A credential is filed under a near miss of its name, which no client reads: an environment variable
 * ({@code AWS_SECERT_ACCESS_KEY}) or a shared-file key ({@code aws_session_toke}); see {@code EnvVar.misspellingOf}
 * and {@code ProfileProperty.misspellingOf}.
 *
 * @param name the name as written
 * @param meant the exact name it was meant as ({@code AWS_SECRET_ACCESS_KEY}, {@code aws_session_token})
 * @param origin where it is written ({@code env AWS_SECERT_ACCESS_KEY}, {@code ~/.aws/credentials:3 [default] aws_secert_access_key})
 * @param inEnvironment it is an environment variable
 * @param profile the profile it is written in; {@code null} for a variable
 * @param path the shared file it is written in; {@code null} for a variable
 * @param line its line in that file; 0 for a variable
 * @param value the value's descriptor (shown as a key id or as "(hidden, N chars)"); {@code null} when unknown
 * @param exactNameSet the exact name is set too, in the same place (the same file and profile, or the environment)
 */
public record Misspelled(
    String name, String meant, Origin origin, boolean inEnvironment, String profile, String path, int line,
    ValueDescriptor value, boolean exactNameSet) {

  /** The fact for a misspelled variable. */
  public static Misspelled of(EnvVar v, boolean exactNameSet) {
    return new Misspelled(v.name(), v.misspellingOf(), v.origin(), true, null, null, 0, v.value(), exactNameSet);
  }

  /** The fact for a misspelled key in a shared file. */
  public static Misspelled of(ProfileProperty p, boolean exactNameSet) {
    return new Misspelled(p.key(), p.misspellingOf(), p.origin(), false, p.section(), p.path(), p.line(), p.value(), exactNameSet);
  }

  /** The name as a {@code sed} pattern matches it literally (a dot escaped). */
  public String namePattern() {
    return name.replace(".", "\\.");
  }
}
