package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine full of secrets: environment keys and tokens, keys in both shared files (quoted, with CR), SSO
 * access and refresh tokens and client secrets, CLI and login cache credentials, credential_process output,
 * a secret pasted into the error text. None of them may appear in the bundle, in any output format, in
 * standard error or in what the libraries log.
 */
class RedactionTest {
  @TempDir Path home;

  static final String ENV_SECRET = "EnvSecretValue0123456789abcdefghijKLMNOP";
  static final String ENV_TOKEN = "IQoJb3JpZ2luX2VjENVTOKEN" + "A1b2C3d4E5f6G7h8I9j0".repeat(10) + "==";
  static final String LEGACY_TOKEN = "FwoGZXIvYXdzLEGACYTOKEN" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt".repeat(8);
  static final String FILE_SECRET = "FileSecretValue0123456789abcdefghijKLMNO";
  static final String FILE_TOKEN = "IQoJb3JpZ2luX2VjEFILETOKEN" + "Qq1Rr2Ss3Tt4Uu5Vv6Ww".repeat(9);
  static final String CONFIG_SECRET = "ConfigSecretValue0123456789abcdefghijKLM";
  static final String SSO_ACCESS = "aoaSSOACCESSTOKEN" + "k3j4h5g6f7d8s9a0".repeat(12);
  static final String SSO_REFRESH = "aorSSOREFRESHTOKEN" + "m1n2b3v4c5x6z7l8".repeat(10);
  static final String CLIENT_SECRET = "eyJraWQiOiJDTElFTlRTRUNSRVQi" + "p0o9i8u7y6t5r4e3".repeat(10);
  static final String CACHE_SECRET = "CacheSecretValue0123456789abcdefghijKLMN";
  static final String CACHE_TOKEN = "IQoJb3JpZ2luX2VjECACHETOKEN" + "Aa1Bb2Cc3Dd4Ee5Ff6Gg".repeat(9);
  static final String LOGIN_SECRET = "LoginSecretValue0123456789abcdefghijKLMN";
  static final String LOGIN_REFRESH = "LOGINREFRESH" + "h8g7f6e5d4c3b2a1".repeat(8);
  static final String PROCESS_SECRET = "ProcessSecretValue0123456789abcdefghijKL";
  static final String PROCESS_TOKEN = "IQoJb3JpZ2luX2VjEPROCESSTOKEN" + "Hh1Ii2Jj3Kk4Ll5Mm6Nn".repeat(9);
  static final String PROCESS_ARG = "vault-password-s3cr3t-argument";
  static final String PASTED_SECRET = "PastedSecretValue0123456789abcdefghijKLM";

  static final List<String> ALL = List.of(ENV_SECRET, ENV_TOKEN, LEGACY_TOKEN, FILE_SECRET, FILE_TOKEN, CONFIG_SECRET,
      SSO_ACCESS, SSO_REFRESH, CLIENT_SECRET, CACHE_SECRET, CACHE_TOKEN, LOGIN_SECRET, LOGIN_REFRESH, PROCESS_SECRET,
      PROCESS_TOKEN, PROCESS_ARG, PASTED_SECRET);

  @Test
  void noSecretLeavesTheMachine() throws Exception {
    Workstation w = new Workstation(home);
    Path process = w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \"" + Keys.TEMP + "\", \"SecretAccessKey\": \""
        + PROCESS_SECRET + "\", \"SessionToken\": \"" + PROCESS_TOKEN + "\", \"Expiration\": \"2026-01-01T00:00:00Z\"}'");
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/deploy";
    w.credentials("[default]\r\naws_access_key_id = \"" + Keys.GOOD + "\"\r\naws_secret_access_key = \"" + FILE_SECRET + "\"\r\n"
            + "aws_session_token = " + FILE_TOKEN + " # old\r\n"
            + "[proc]\naws_access_key_id = " + Keys.BAD + "\n")
        .config("[default]\nregion = af-south-1\naws_secret_access_key = " + CONFIG_SECRET + "\n"
            + "[profile proc]\ncredential_process = " + process + " --password " + PROCESS_ARG + "\n"
            + "[profile deploy]\nrole_arn = " + roleArn + "\nsource_profile = default\n"
            + "[profile sso]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\nsso_role_name = Dev\n"
            + "[profile web]\nlogin_session = me\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n")
        .file(".aws/sso/cache/" + Hashes.sha1("corp") + ".json", "{\"accessToken\": \"" + SSO_ACCESS + "\", \"expiresAt\": \"2026-01-01T00:00:00Z\", "
            + "\"refreshToken\": \"" + SSO_REFRESH + "\", \"clientId\": \"cid\", \"clientSecret\": \"" + CLIENT_SECRET + "\"}")
        .file(".aws/sso/cache/botocore-client-x.json", "{\"clientId\": \"cid\", \"clientSecret\": \"" + CLIENT_SECRET + "\"}")
        .file(".aws/cli/cache/" + Hashes.sha1("{\"RoleArn\": \"" + roleArn + "\"}") + ".json",
            "{\"Credentials\": {\"AccessKeyId\": \"" + Keys.TEMP + "\", \"SecretAccessKey\": \"" + CACHE_SECRET
                + "\", \"SessionToken\": \"" + CACHE_TOKEN + "\", \"Expiration\": \"2030-01-01T00:00:00UTC\"}}")
        .file(".aws/login/cache/" + Hashes.sha256("me") + ".json", "{\"accessToken\": {\"accessKeyId\": \"" + Keys.TEMP
            + "\", \"secretAccessKey\": \"" + LOGIN_SECRET + "\", \"sessionToken\": \"x\", \"expiresAt\": \"2030-01-01T00:00:00Z\"}, "
            + "\"refreshToken\": \"" + LOGIN_REFRESH + "\"}")
        .env("AWS_ACCESS_KEY_ID", Keys.TEMP + "\r")
        .env("AWS_SECRET_ACCESS_KEY", " " + ENV_SECRET)
        .env("AWS_SESSION_TOKEN", ENV_TOKEN)
        .env("AWS_SECURITY_TOKEN", LEGACY_TOKEN)
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer " + CLIENT_SECRET);
    String error = "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: bad\n"
        + "aws_secret_access_key = " + PASTED_SECRET + "\nX-Amz-Security-Token: " + ENV_TOKEN;

    List<String> outputs = new ArrayList<>();
    PrintStream realErr = System.err;
    ByteArrayOutputStream libraryLog = new ByteArrayOutputStream();
    try (FakeAws aws = new FakeAws(r -> r.hasToken() ? FakeAws.invalidClientTokenId()
        : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))) {
      System.setErr(new PrintStream(libraryLog, true, StandardCharsets.UTF_8));
      String sts = aws.uri().toString();
      for (String[] profile : new String[][] {{}, {"--profile", "proc"}, {"--profile", "deploy"}, {"--profile", "sso"}, {"--profile", "web"}}) {
        List<String> base = Workstation.args("--sts-endpoint", sts, "--error", error, "--verify-with", "default");
        base.addAll(List.of(profile));
        Workstation.Run collect = w.run(concat("collect", base));
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        outputs.add(collect.out());
        outputs.add(collect.err());
        for (String format : new String[] {"text", "json", "markdown"}) {
          List<String> args = new ArrayList<>(base);
          args.addAll(List.of("--format", format, "--verbose", "--save-bundle", home.resolve("saved.json").toString()));
          Workstation.Run doctor = w.run(concat("doctor", args));
          assertThat(doctor.exitCode()).as(doctor.err()).isIn(0, 1);
          outputs.add(doctor.out());
          outputs.add(doctor.err());
          outputs.add(Files.readString(home.resolve("saved.json")));
        }
      }
      outputs.add(String.valueOf(w.collect(Keys.at(aws.uri()))));
    } finally {
      System.setErr(realErr);
    }
    outputs.add(libraryLog.toString(StandardCharsets.UTF_8));
    // The machine really was probed and described: the test would pass vacuously otherwise.
    assertThat(outputs.get(0)).contains("\"stsProbes\"").contains("AKIA…ZK5N").contains("\"ssoTokens\"")
        .contains("\"cachedCredentials\"").contains("\"verifications\"");
    assertThat(String.join("\n", outputs)).contains("\"credentialProcesses\"");
    for (String out : outputs) {
      for (String secret : ALL) {
        assertThat(out).as("a secret leaked").doesNotContain(secret);
      }
    }
  }

  private static String[] concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.toArray(String[]::new);
  }
}
