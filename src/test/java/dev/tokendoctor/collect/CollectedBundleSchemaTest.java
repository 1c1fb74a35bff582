package dev.tokendoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What collect writes conforms to the shipped bundle schema, on a machine with a bit of everything. */
class CollectedBundleSchemaTest {
  @TempDir Path home;

  @Test
  void aCollectedBundleConformsToTheSchema() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of()))) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + Keys.GOOD + "\naws_secret_access_key = " + Keys.GOOD_SECRET
              + "\naws_session_token = " + Keys.TOKEN + "\nx_security_token_expires = 2026-01-01T00:00:00Z # saml2aws\n")
          .config("[default]\nregion = af-south-1\n[dev]\nregion = us-east-1\n[sso-session corp]\nsso_region = us-east-1\n")
          .file(".aws/sso/cache/" + Hashes.sha1("corp") + ".json", "{\"accessToken\": \"x\", \"expiresAt\": \"2026-01-01T00:00:00Z\"}")
          .env("AWS_CREDENTIAL_EXPIRATION", "2026-01-01T00:00:00Z");
      Workstation.Run r = w.run("collect", "--sts-endpoint", aws.uri().toString(), "--error", "InvalidClientTokenId",
          "--expect-account", Keys.ACCOUNT);
      assertThat(r.exitCode()).isZero();
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Files.readString(Path.of("src/main/resources/tokendoctor/bundle.schema.json")));
      var node = new ObjectMapper().readTree(r.out());
      assertThat(node.get("stsProbes")).hasSizeGreaterThan(1);
      assertThat(node.get("anomalies")).isNotEmpty();
      assertThat(schema.validate(node)).isEmpty();
    }
  }
}
