package dev.tokendoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.facts.ValueDescriptor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorsTest {
  final Descriptors d = new Descriptors(new Secrets());

  @Test
  void keyIdsShowPrefixAndLast4Only() {
    ValueDescriptor v = d.keyId(" \"AKIA4GOODKEY7QX2ZK5N\"\r");
    assertThat(v.prefix()).isEqualTo("AKIA");
    assertThat(v.last4()).isEqualTo("ZK5N");
    assertThat(v.shown()).isEqualTo("AKIA…ZK5N");
    assertThat(v.length()).isEqualTo(24);
    assertThat(v.trimmedLength()).isEqualTo(20);
    assertThat(v.quoted()).isTrue();
    assertThat(v.leadingWhitespace()).isTrue();
    assertThat(v.carriageReturn()).isTrue();
    assertThat(v.charset()).isEqualTo("base32-upper");
    assertThat(v.accessKeyIdShaped()).isTrue();
    assertThat(v.placeholder()).isFalse();
  }

  @Test
  void aSecretPastedIntoTheKeyIdSlotStaysHidden() {
    ValueDescriptor v = d.keyId("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+");
    assertThat(v.shown()).isNull();
    assertThat(v.prefix()).isNull();
    assertThat(v.last4()).isNull();
    assertThat(v.trimmedLength()).isEqualTo(40);
    assertThat(v.charset()).isEqualTo("base64");
  }

  @Test
  void secretsShowNothingButShapeAndFingerprint() {
    Secrets s = new Secrets();
    Descriptors ds = new Descriptors(s);
    ValueDescriptor v = ds.secret("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+ ");
    assertThat(v.shown()).isNull();
    assertThat(v.prefix()).isNull();
    assertThat(v.trailingWhitespace()).isTrue();
    assertThat(v.fingerprint()).hasSize(16).doesNotContain("PtYg");
    assertThat(v.toString()).doesNotContain("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+");
    assertThat(s.scrub("x PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+ y")).isEqualTo("x (redacted) y");
  }

  @Test
  void fingerprintsAreEqualWithinABundleAndSaltedAcrossBundles() {
    Descriptors other = new Descriptors(new Secrets());
    assertThat(d.secret("same-value-123").fingerprint()).isEqualTo(d.secret("'same-value-123'").fingerprint());
    assertThat(d.secret("same-value-123").fingerprint()).isNotEqualTo(d.secret("same-value-124").fingerprint());
    assertThat(other.secret("same-value-123").fingerprint()).isNotEqualTo(d.secret("same-value-123").fingerprint());
  }

  @Test
  void plainValuesAreShownWhole() {
    ValueDescriptor v = d.plain("us-east-1 ");
    assertThat(v.shown()).isEqualTo("us-east-1 ");
    assertThat(v.trailingWhitespace()).isTrue();
    assertThat(v.charset()).isEqualTo("other");
    assertThat(d.plain("").empty()).isTrue();
  }

  @Test
  void invisibleAndNonAsciiCharacters() {
    ValueDescriptor v = d.keyId("AKIA4GOODKEY7QX2ZK5N\u200B");
    assertThat(v.invisible()).isTrue();
    assertThat(v.nonAscii()).isTrue();
    assertThat(v.trimmedLength()).isEqualTo(20);
    ValueDescriptor nbsp = d.secret("\u00A0abc");
    assertThat(nbsp.invisible()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NONE", value = {
      "AKIAIOSFODNN7EXAMPLE, aws-example",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, aws-example",
      "<your access key>, template",
      "YOUR_ACCESS_KEY_ID, template",
      "${AWS_SECRET}, template",
      "{{ aws_key }}, template",
      "%(key)s, template",
      "undefined, literal-undefined",
      "null, literal-undefined",
      "None, literal-undefined",
      "xxxxxxxx, dummy",
      "changeme, dummy",
      "test, dummy",
      "AKIA4EXAMPLE7QX2ZK5N, NONE",
      "AKIA4GOODKEY7QX2ZK5N, NONE",
      "myQz7/k0W2pLx9vR4tY8wZ1aB3cD5eF6gH0iJ2kL, NONE",
      "us-east-1, NONE"})
  void placeholders(String value, String kind) {
    assertThat(d.secret(value).placeholderKind()).isEqualTo(kind);
    assertThat(d.secret(value).placeholder()).isEqualTo(kind != null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2016-11-06T01:30:00UTC | 2016-11-06T01:30:00Z",
      "2019-08-19T15:00:56-06:00 | 2019-08-19T21:00:56Z",
      "2019-08-19T15:00:56+0000 | 2019-08-19T15:00:56Z",
      "2019-08-19 15:00:56 | 2019-08-19T15:00:56Z",
      "2019-08-19T15:00:56.123Z | 2019-08-19T15:00:56.123Z",
      "\"2019-08-19T15:00:56Z\" | 2019-08-19T15:00:56Z",
      "1566226856 | 2019-08-19T15:00:56Z",
      "Mon, 19 Aug 2019 15:00:56 GMT | 2019-08-19T15:00:56Z",
      "2019-08-19T15:00:56Z # saml2aws | 2019-08-19T15:00:56Z"})
  void datesAreReadLenientlyToUtc(String raw, String utc) {
    assertThat(Dates.parse(raw)).isEqualTo(Instant.parse(utc));
  }

  @Test
  void unreadableDatesAreUnknown() {
    assertThat(Dates.parse("next tuesday")).isNull();
    assertThat(Dates.parse("")).isNull();
  }
}
