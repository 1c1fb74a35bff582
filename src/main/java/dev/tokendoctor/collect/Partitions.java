package dev.tokendoctor.collect;

import java.util.Locale;

/** The partition of a region code and its STS endpoint; the same shapes as rules/tables/partitions.csv. */
final class Partitions {
  private Partitions() {}

  static String of(String region) {
    if (region == null) {
      return null;
    }
    String r = region.strip().toLowerCase(Locale.ROOT);
    if (r.startsWith("cn-")) {
      return "aws-cn";
    }
    if (r.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (r.startsWith("us-isob-")) {
      return "aws-iso-b";
    }
    if (r.startsWith("us-isof-")) {
      return "aws-iso-f";
    }
    if (r.startsWith("us-iso-")) {
      return "aws-iso";
    }
    if (r.startsWith("eu-isoe-")) {
      return "aws-iso-e";
    }
    if (r.startsWith("eusc-")) {
      return "aws-eusc";
    }
    return "aws";
  }

  static String dnsSuffix(String partition) {
    return switch (partition) {
      case "aws-cn" -> "amazonaws.com.cn";
      case "aws-iso" -> "c2s.ic.gov";
      case "aws-iso-b" -> "sc2s.sgov.gov";
      case "aws-iso-e" -> "cloud.adc-e.uk";
      case "aws-iso-f" -> "csp.hci.ic.gov";
      case "aws-eusc" -> "amazonaws.eu";
      default -> "amazonaws.com";
    };
  }

  /** The regional STS endpoint of {@code region}. */
  static String stsEndpoint(String region) {
    return "https://sts." + region + "." + dnsSuffix(of(region));
  }
}
