package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine full of secrets: environment keys and tokens, keys in both shared files (quoted, with CR), SSO
 * access and refresh tokens and client secrets, CLI and login cache credentials, credential_process output,
 * a secret pasted into the error text; and secrets placed where no name announces them: passwords and signed
 * query values in endpoint URLs, credentials under misspelled names, secret-shaped values under innocent
 * names, a secret and a key id used as profile names, a pasted {@code aws --debug} log with its signature and
 * security token. None of them, nor any long fragment of one, may appear in the bundle, in any output
 * format of {@code collect}, {@code doctor} or {@code diagnose}, in the files {@code batch} writes, on
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
  static final String URL_PASSWORD = "UrlPassw0rd-Sekrit";
  static final String STS_URL_PASSWORD = "StsUrlPassw0rd-Sekrit";
  static final String URL_QUERY_TOKEN = "IQoJb3JpZ2luX2VjEURLQUERY" + "Uu1Vv2Ww3Xx4Yy5Zz6".repeat(6);
  static final String FILE_URL_PASSWORD = "FileUrlPassw0rd-Sekrit";
  static final String MISSPELT_ENV_SECRET = "Ms4Pe1Lt8Ev2Nv5Se7Cr3Et9Kq6Zx0Wv4Bn1Hy7J";
  static final String LOWER_ENV_SECRET = "Lw5Rc2Se8Nv3Ky7Qp1Zd4Xm9Fb6Ht0Gj5Uo2Ia8K";
  static final String INNOCENT_ENV_SECRET = "In3Nc8Nt1Ev6Va2Rs9Ec5Rt7Kw4Qz0Xp3Ml6Bd1F";
  static final String MISSPELT_FILE_SECRET = "Mf7Sp2Lf9Il4Es1Ec6Rt3Kv8Qw5Zx0Ny7Bh2Gt4D";
  static final String MISSPELT_FILE_TOKEN = "FwoGZXIvYXdzEMISSPELTFILETOKEN" + "Pp1Oo2Ii3Uu4Yy5Tt6Rr".repeat(8);
  static final String INNOCENT_FILE_SECRET = "Nf2Ot8Es4Cr1Et6Kv9Qw3Zx7Py0Bm5Hd2Lg8Ju4S";
  static final String PROFILE_SECRET = "Pf6Ro3Fn9Am2Es8Ec1Rt5Kq7Wz4Xv0Bn6Hy3Jd9L";
  static final String DEBUG_SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  static final String DEBUG_TOKEN = "IQoJb3JpZ2luX2VjEDEBUGLOGTOKEN" + "Qa1Ws2Ed3Rf4Tg5Yh6Uj".repeat(9);
  /** A key id is not secret, but shown only as AKIA…WXYZ: its whole never appears either. */
  static final String MISSPELT_KEY_ID = "AKIA4MISSPELTKEY7Q2Z";
  static final String PROFILE_KEY_ID = "AKIA4PROFILEKEY7Q2ZX";

  static final List<String> ALL = List.of(ENV_SECRET, ENV_TOKEN, LEGACY_TOKEN, FILE_SECRET, FILE_TOKEN, CONFIG_SECRET,
      SSO_ACCESS, SSO_REFRESH, CLIENT_SECRET, CACHE_SECRET, CACHE_TOKEN, LOGIN_SECRET, LOGIN_REFRESH, PROCESS_SECRET,
      PROCESS_TOKEN, PROCESS_ARG, PASTED_SECRET, URL_PASSWORD, STS_URL_PASSWORD, URL_QUERY_TOKEN, FILE_URL_PASSWORD,
      MISSPELT_ENV_SECRET, LOWER_ENV_SECRET, INNOCENT_ENV_SECRET, MISSPELT_FILE_SECRET, MISSPELT_FILE_TOKEN, INNOCENT_FILE_SECRET,
      PROFILE_SECRET, DEBUG_SIGNATURE, DEBUG_TOKEN, MISSPELT_KEY_ID, PROFILE_KEY_ID);
  /** A fragment this long of a secret is a leak too (a secret cut in two, half of a token). */
  static final int FRAGMENT = 16;

  @Test
  void noSecretLeavesTheMachine() throws Exception {
    Workstation w = new Workstation(home);
    Path process = w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \"" + Keys.TEMP + "\", \"SecretAccessKey\": \""
        + PROCESS_SECRET + "\", \"SessionToken\": \"" + PROCESS_TOKEN + "\", \"Expiration\": \"2026-01-01T00:00:00Z\"}'");
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/deploy";
    w.credentials("[default]\r\naws_access_key_id = \"" + Keys.GOOD + "\"\r\naws_secret_access_key = \"" + FILE_SECRET + "\"\r\n"
            + "aws_session_token = " + FILE_TOKEN + " # old\r\n"
            + "[proc]\naws_access_key_id = " + Keys.BAD + "\n"
            + "[" + PROFILE_SECRET + "]\naws_access_key_id = " + Keys.BAD + "\naws_secert_access_key = " + MISSPELT_FILE_SECRET + "\n"
            + "aws_session_toke = " + MISSPELT_FILE_TOKEN + "\nnote = " + INNOCENT_FILE_SECRET + "\n"
            + "[" + PROFILE_KEY_ID + "]\naws_access_key_id = " + Keys.BAD + "\naws_secret_access_key = " + Keys.BAD_SECRET + "\n")
        .config("[default]\nregion = af-south-1\naws_secret_access_key = " + CONFIG_SECRET + "\n"
            + "[profile proc]\ncredential_process = " + process + " --password " + PROCESS_ARG + "\n"
            + "[profile deploy]\nrole_arn = " + roleArn + "\nsource_profile = default\n"
            + "[profile sso]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\nsso_role_name = Dev\n"
            + "[profile web]\nlogin_session = me\n"
            + "[profile " + PROFILE_SECRET + "]\nregion = eu-west-1\nendpoint_url = https://dev:" + FILE_URL_PASSWORD + "@localhost.localdomain:4566/\n"
            + "source_profile = " + PROFILE_KEY_ID + "\n"
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
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer " + CLIENT_SECRET)
        .env("AWS_SECERT_ACCESS_KEY", MISSPELT_ENV_SECRET)
        .env("aws_secret_access_key", LOWER_ENV_SECRET)
        .env("AWS_BUILD_NOTE", INNOCENT_ENV_SECRET)
        .env("AWS_ACCESS_KEY", MISSPELT_KEY_ID);
    String error = "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: bad\n"
        + "aws_secret_access_key = " + PASTED_SECRET + "\nX-Amz-Security-Token: " + ENV_TOKEN + "\n"
        // What aws --debug prints: the signed request's headers.
        + "2026-01-01 10:00:00,123 - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest "
        + "stream_output=False, method=POST, url=https://sts.amazonaws.com/, headers={'Content-Type': b'application/x-www-form-urlencoded', "
        + "'X-Amz-Date': b'20260101T100000Z', 'X-Amz-Security-Token': b'" + DEBUG_TOKEN + "', 'Authorization': b'AWS4-HMAC-SHA256 "
        + "Credential=" + MISSPELT_KEY_ID + "/20260101/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;"
        + "x-amz-security-token, Signature=" + DEBUG_SIGNATURE + "'}>";

    List<String> outputs = new ArrayList<>();
    PrintStream realErr = System.err;
    ByteArrayOutputStream libraryLog = new ByteArrayOutputStream();
    try (FakeAws aws = new FakeAws(r -> r.hasToken() ? FakeAws.invalidClientTokenId()
        : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))) {
      System.setErr(new PrintStream(libraryLog, true, StandardCharsets.UTF_8));
      String sts = aws.uri().toString();
      // The user's own endpoint settings point at the same loopback STS, with a password and a signed query.
      w.env("AWS_ENDPOINT_URL", "http://proxy:" + URL_PASSWORD + "@" + aws.uri().getAuthority() + "/")
          .env("AWS_ENDPOINT_URL_STS", "http://sts:" + STS_URL_PASSWORD + "@" + aws.uri().getAuthority()
              + "/?X-Amz-Security-Token=" + URL_QUERY_TOKEN + "&X-Amz-Signature=" + DEBUG_SIGNATURE);
      for (String[] profile : new String[][] {{}, {"--profile", "proc"}, {"--profile", "deploy"}, {"--profile", "sso"}, {"--profile", "web"},
          {"--profile", PROFILE_SECRET}}) {
        List<String> base = Workstation.args("--sts-endpoint", sts, "--error", error, "--verify-with", "default");
        base.addAll(List.of(profile));
        Workstation.Run collect = w.run("collect", base);
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        outputs.add(collect.out());
        outputs.add(collect.err());
        for (String format : new String[] {"text", "json", "markdown"}) {
          List<String> args = new ArrayList<>(base);
          args.addAll(List.of("--format", format, "--verbose", "--save-bundle", home.resolve("saved.json").toString()));
          Workstation.Run doctor = w.run("doctor", args);
          assertThat(doctor.exitCode()).as(doctor.err()).isIn(0, 1);
          outputs.add(doctor.out());
          outputs.add(doctor.err());
          outputs.add(Files.readString(home.resolve("saved.json")));
        }
      }
      outputs.add(String.valueOf(w.collect(Keys.at(aws.uri()))));
      // The saved bundle, read by a support engineer: diagnose in every format, and batch with the pasted log.
      Path saved = home.resolve("saved.json");
      for (String format : new String[] {"text", "json", "markdown"}) {
        Workstation.Run diagnose = w.run("diagnose", saved.toString(), "--format", format, "--verbose");
        assertThat(diagnose.exitCode()).as(diagnose.err()).isIn(0, 1);
        outputs.add(diagnose.out());
        outputs.add(diagnose.err());
      }
      Path tickets = home.resolve("tickets.jsonl");
      Files.writeString(tickets, new ObjectMapper().writeValueAsString(new ObjectMapper().createObjectNode().put("ticket", "T-1")
          .put("error", error).set("bundle", new ObjectMapper().readTree(saved.toFile()))) + "\n");
      Path out = home.resolve("batch-out");
      Workstation.Run batch = w.run("batch", tickets.toString(), "--out", out.toString(), "--threads", "1");
      assertThat(batch.exitCode()).as(batch.err()).isIn(0, 1);
      outputs.add(batch.out());
      outputs.add(batch.err());
      try (var files = Files.list(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          outputs.add(Files.readString(f));
        }
      }
      assertThat(String.join("\n", outputs)).as("batch wrote its files").contains("T-1", "<html");
    } finally {
      System.setErr(realErr);
    }
    outputs.add(libraryLog.toString(StandardCharsets.UTF_8));
    // The machine really was probed and described: the test would pass vacuously otherwise.
    assertThat(outputs.get(0)).contains("\"stsProbes\"").contains("AKIA…ZK5N").contains("\"ssoTokens\"")
        .contains("\"cachedCredentials\"").contains("\"verifications\"");
    assertThat(String.join("\n", outputs)).contains("\"credentialProcesses\"");
    // The placements reached the bundle, and were reduced there rather than dropped.
    String all = String.join("\n", outputs);
    assertThat(all).contains("MISSPELLED_CREDENTIAL_SETTING", "\"AWS_SECERT_ACCESS_KEY\"", "(hidden name, 40 chars, ",
        "@" + "127.0.0.1", "X-Amz-Security-Token=(hidden, ");
    Set<String> fragments = new HashSet<>();
    for (String secret : ALL) {
      for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
        fragments.add(secret.substring(i, i + FRAGMENT));
      }
    }
    for (String out : outputs) {
      for (String secret : ALL) {
        assertThat(out).as("a secret leaked").doesNotContain(secret);
      }
      for (int i = 0; i + FRAGMENT <= out.length(); i++) {
        String piece = out.substring(i, i + FRAGMENT);
        assertThat(fragments.contains(piece)).as("a fragment of a secret leaked: %s in%n%s", piece,
            out.substring(Math.max(0, i - 80), Math.min(out.length(), i + 96))).isFalse();
      }
    }
  }
}
