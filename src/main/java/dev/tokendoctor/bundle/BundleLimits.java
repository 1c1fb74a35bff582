package dev.tokendoctor.bundle;

/**
 * How large a bundle may be. Bundles come from tickets and are untrusted: these limits keep one hostile or
 * broken bundle from exhausting memory.
 *
 * @param maxBytes the largest document, in bytes
 * @param maxDepth the deepest nesting of objects and arrays
 * @param maxStringLength the longest string value
 */
public record BundleLimits(long maxBytes, int maxDepth, int maxStringLength) {

  /** Real bundles are a few kilobytes; a megabyte leaves room for pasted error text and many profiles. */
  public static final BundleLimits DEFAULT = new BundleLimits(4L * 1024 * 1024, 32, 64 * 1024);
}
