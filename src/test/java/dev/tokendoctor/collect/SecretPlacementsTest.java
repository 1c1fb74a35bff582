package dev.tokendoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets where names do not announce them: a password inside an endpoint URL, credentials under misspelled
 * or innocent names, a secret used as a profile name. Each is reduced to a descriptor in the bundle and in
 * every report, while what is not secret (the URL's host and path, a real profile name) stays readable.
 */
class SecretPlacementsTest {
  @TempDir Path home;

  static final String PROXY_PASSWORD = "Pr0xyPassw0rd";
  static final String LOCAL_PASSWORD = "L0calPassw0rd-9";
  static final String QUERY_TOKEN = "IQoJb3JpZ2luX2VjEQUERYTOKEN" + "Zz9Yy8Xx7Ww6".repeat(6);
  static final String SECRET_A = "Mk2Jd8Lq4Zx7Vb1Nc5Rt9Wy3Hs6Gf0Pe2Ua8Io4X";
  static final String SECRET_B = "Tz5Kp1Mw8Qn4Rv7Ls2Hd9Jc6Bx3Fy0Ge5Ua1Io8Y";
  static final String SECRET_C = "Wq7Ne3Rt1Yu9Io5Pa2Sd8Fg4Hj6Kl0Zx3Cv7Bn1M";
  static final String SECRET_D = "Ha4Jk9Lz2Xc7Vb5Nm1Qw8Er3Ty6Ui0Op4As9Df2G";
  static final String SECRET_F = "Pl3Ok8Ij5Uh1Yg7Tf2Rd9Es4Wa6Qz0Xs3Ce8Dv5B";
  static final String TOKEN_E = "FwoGZXIvYXdzEMISSPELTTOKEN" + "Aa1Bb2Cc3Dd4Ee5Ff6Gg".repeat(8);
  static final String TOKEN_G = "IQoJb3JpZ2luX2VjEMISSPELTENV" + "Hh1Ii2Jj3Kk4Ll5Mm6Nn".repeat(8);
  static final String NEAR_KEY = "AKIA4NEARMISS7QX2ZK5";
  static final String INNOCENT_KEY = "AKIA4INNOCENT7QX2ZK6";
  static final String PROFILE_SECRET = "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";
  static final String PROFILE_KEY = "AKIA4PROFILENAME7X2Z";

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void urlsKeepHostAndPathButNotPasswordsOrQueryValues() throws Exception {
    Workstation w = new Workstation(home)
        .config("[default]\nregion = eu-west-1\nendpoint_url = http://alice:" + LOCAL_PASSWORD + "@localhost:4566/\n"
            + "[profile sso]\nsso_start_url = https://corp.awsapps.com/start?login_hint=bob%40corp.example\nsso_region = eu-west-1\n")
        .env("AWS_ENDPOINT_URL", "https://u:" + PROXY_PASSWORD + "@proxy.example.com:3128")
        .env("AWS_ENDPOINT_URL_STS", "https://sts.example.com/v1?X-Amz-Security-Token=" + QUERY_TOKEN + "&region=eu-west-1");
    List<String> outputs = runEverything(w);
    for (String out : outputs) {
      assertThat(out).doesNotContain(PROXY_PASSWORD, LOCAL_PASSWORD, QUERY_TOKEN, "bob%40corp");
    }
    JsonNode bundle = JSON.readTree(outputs.get(0));
    assertThat(env(bundle, "AWS_ENDPOINT_URL").get("shown").asText()).isEqualTo("https://(hidden, 15 chars)@proxy.example.com:3128");
    assertThat(env(bundle, "AWS_ENDPOINT_URL_STS").get("shown").asText())
        .isEqualTo("https://sts.example.com/v1?X-Amz-Security-Token=(hidden, " + QUERY_TOKEN.length() + " chars)&region=(hidden, 9 chars)");
    assertThat(property(bundle, "endpoint_url").get("shown").asText()).isEqualTo("http://(hidden, 21 chars)@localhost:4566/");
    assertThat(property(bundle, "sso_start_url").get("shown").asText()).isEqualTo("https://corp.awsapps.com/start?login_hint=(hidden, 18 chars)");
    List<String> urls = new ArrayList<>();
    bundle.get("endpoints").forEach(e -> urls.add(e.get("url").asText() + " " + e.get("host").asText()));
    assertThat(urls).contains("https://sts.example.com/v1?X-Amz-Security-Token=(hidden, " + QUERY_TOKEN.length() + " chars)&region=(hidden, 9 chars) sts.example.com",
        "https://(hidden, 15 chars)@proxy.example.com:3128 proxy.example.com");
    assertThat(String.join("\n", outputs)).as("the endpoint is still named in the report").contains("ENDPOINT_OVERRIDE_ACTIVE", "sts.example.com/v1");
  }

  @Test
  void credentialsUnderMisspelledOrInnocentNamesAreHiddenByShape() throws Exception {
    Workstation w = new Workstation(home)
        .credentials("[default]\naws_access_key_id = " + Keys.GOOD + "\naws_secert_access_key = " + SECRET_D + "\n"
            + "aws_session_toke = " + TOKEN_E + "\nnote = " + SECRET_F + "\nmy_key = " + INNOCENT_KEY + "\n")
        .config("[default]\nregion = eu-west-1\n")
        .env("AWS_SECERT_ACCESS_KEY", SECRET_A)
        .env("aws_secret_access_key", SECRET_B)
        .env("AWS_MY_NOTE", SECRET_C)
        .env("AWS_ACCESS_KEY", NEAR_KEY)
        .env("AWS_SESSION_TOKE", TOKEN_G);
    List<String> outputs = runEverything(w);
    for (String out : outputs) {
      assertThat(out).doesNotContain(SECRET_A, SECRET_B, SECRET_C, SECRET_D, SECRET_F, TOKEN_E, TOKEN_G, NEAR_KEY, INNOCENT_KEY);
    }
    JsonNode bundle = JSON.readTree(outputs.get(0));
    for (String name : new String[] {"AWS_SECERT_ACCESS_KEY", "aws_secret_access_key", "AWS_MY_NOTE", "AWS_SESSION_TOKE"}) {
      assertThat(env(bundle, name).get("shown")).as(name).isNull();
      assertThat(env(bundle, name).get("fingerprint").asText()).as(name).hasSize(16);
    }
    assertThat(env(bundle, "AWS_ACCESS_KEY").get("shown").asText()).isEqualTo("AKIA…2ZK5");
    for (String key : new String[] {"aws_secert_access_key", "aws_session_toke", "note"}) {
      assertThat(property(bundle, key).get("shown")).as(key).isNull();
    }
    assertThat(property(bundle, "my_key").get("shown").asText()).isEqualTo("AKIA…2ZK6");
    assertThat(outputs.get(1)).as("the misspelled names are a finding")
        .contains("MISSPELLED_CREDENTIAL_SETTING", "env AWS_SECERT_ACCESS_KEY", "aws_session_toke");
  }

  @Test
  void aSecretUsedAsAProfileNameIsShownByADescriptor() throws Exception {
    Workstation w = new Workstation(home)
        .credentials("[" + PROFILE_SECRET + "]\naws_access_key_id = " + Keys.BAD + "\naws_secret_access_key = " + Keys.BAD_SECRET + "\n"
            + "[" + PROFILE_KEY + "]\naws_access_key_id = " + Keys.GOOD + "\naws_secret_access_key = " + Keys.GOOD_SECRET + "\n"
            + "[dev-admin]\naws_access_key_id = " + Keys.GOOD + "\naws_secret_access_key = " + Keys.GOOD_SECRET + "\n")
        .config("[profile " + PROFILE_SECRET + "]\nregion = eu-west-1\nsource_profile = " + PROFILE_KEY + "\n")
        .env("AWS_PROFILE", PROFILE_SECRET);
    List<String> outputs = runEverything(w, "--profile", PROFILE_SECRET + "x");
    outputs.addAll(runEverything(w));
    for (String out : outputs) {
      assertThat(out).doesNotContain(PROFILE_SECRET, PROFILE_KEY);
    }
    JsonNode bundle = JSON.readTree(outputs.get(outputs.size() / 2));
    String shown = bundle.get("profile").get("name").asText();
    assertThat(shown).startsWith("(hidden name, 40 chars, ");
    List<String> sectionNames = new ArrayList<>();
    bundle.get("sections").forEach(s -> sectionNames.add(s.get("name").asText()));
    assertThat(sectionNames).as("every fact naming the profile agrees on its descriptor").contains(shown).contains("dev-admin")
        .anyMatch(n -> n.startsWith("(hidden name, 20 chars, "));
    assertThat(env(bundle, "AWS_PROFILE").get("shown").asText()).isEqualTo(shown);
    assertThat(String.join("\n", outputs)).as("--profile of a missing profile, in the remediation")
        .contains("PROFILE_NOT_FOUND", "(hidden name, 41 chars, ");
  }

  /** collect, then doctor in every format, on this machine, offline; the bundle first, then the text report. */
  private static List<String> runEverything(Workstation w, String... extra) {
    List<String> outputs = new ArrayList<>();
    List<String> base = Workstation.args("--offline");
    base.addAll(List.of(extra));
    Workstation.Run collect = w.run("collect", base);
    assertThat(collect.exitCode()).as(collect.err()).isZero();
    outputs.add(collect.out());
    for (String format : new String[] {"text", "json", "markdown"}) {
      List<String> args = new ArrayList<>(base);
      args.addAll(List.of("--format", format, "--verbose"));
      Workstation.Run doctor = w.run("doctor", args);
      assertThat(doctor.exitCode()).as(doctor.err()).isIn(0, 1);
      outputs.add(doctor.out());
      outputs.add(doctor.err());
    }
    outputs.add(collect.err());
    return outputs;
  }

  private static JsonNode env(JsonNode bundle, String name) {
    for (JsonNode e : bundle.get("environment")) {
      if (e.get("name").asText().equals(name)) {
        return e.get("value");
      }
    }
    throw new AssertionError("no environment variable " + name + " in the bundle");
  }

  private static JsonNode property(JsonNode bundle, String key) {
    for (JsonNode p : bundle.get("properties")) {
      if (p.get("key").asText().equals(key)) {
        return p.get("value");
      }
    }
    throw new AssertionError("no property " + key + " in the bundle");
  }
}
