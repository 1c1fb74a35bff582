package dev.tokendoctor.facts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A row of the partition table {@code rules/tables/partitions.csv}.
 *
 * @param id the partition id ({@code aws}, {@code aws-cn}, {@code aws-us-gov}...)
 * @param regionPattern the regular expression its region codes match
 * @param dnsSuffix its DNS suffix ({@code amazonaws.com.cn})
 * @param exampleRegion a region of the partition to suggest in fixes
 */
public record PartitionInfo(String id, String regionPattern, String dnsSuffix, String exampleRegion) {

  /** Compiled once per pattern: rules ask every partition about every region of every ticket. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /** {@code region} has the shape of a region code of this partition. */
  public boolean matches(String region) {
    return region != null && COMPILED.computeIfAbsent(regionPattern, Pattern::compile).matcher(region).matches();
  }
}
