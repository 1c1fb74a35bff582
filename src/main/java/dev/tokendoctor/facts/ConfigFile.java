package dev.tokendoctor.facts;

/**
 * One shared AWS file the clients read: the credentials file or the config file.
 *
 * @param kind {@code credentials} or {@code config}
 * @param path the path as shown to people ({@code ~/.aws/credentials}, or the full path a variable names)
 * @param pathSource why this path: {@code default} or {@code env AWS_SHARED_CREDENTIALS_FILE}...
 * @param exists the file exists
 * @param readable the file could be read; {@code null} when it does not exist
 * @param encoding {@code utf-8}, {@code utf-8-bom}, {@code utf-16le}, {@code utf-16be}; {@code null} if unread
 * @param lineEndings {@code lf}, {@code crlf} or {@code mixed}; {@code null} if unread
 * @param sdkParseError the AWS SDK for Java's own parser refused the file with this message, else {@code null}
 * @param sdkParseErrorLine the line that message names, when it names one
 */
public record ConfigFile(
    String kind,
    String path,
    Origin pathSource,
    boolean exists,
    Boolean readable,
    String encoding,
    String lineEndings,
    String sdkParseError,
    Integer sdkParseErrorLine) {

  /** An environment variable ({@code AWS_SHARED_CREDENTIALS_FILE}, {@code AWS_CONFIG_FILE}) names this path. */
  public boolean namedByVariable() {
    return pathSource != null && pathSource.fromEnvironment();
  }

  /** The clients read this file at its default path (no variable names another). */
  public boolean atDefaultPath() {
    return pathSource != null && pathSource.kind() == Origin.Kind.DEFAULT;
  }

  /** The variable that names this path, or {@code null} when it is the default path. */
  public String variable() {
    return pathSource == null ? null : pathSource.variable();
  }

  public boolean credentialsFile() {
    return "credentials".equals(kind);
  }

  public boolean configFile() {
    return "config".equals(kind);
  }

  /** The file exists but could not be read. */
  public boolean unreadable() {
    return exists && Boolean.FALSE.equals(readable);
  }

  /** What named this path when it is not the default one ({@code env AWS_CONFIG_FILE}); else {@code null}. */
  public Origin namedBy() {
    return pathSource != null && !atDefaultPath() ? pathSource : null;
  }

  /** Where evidence about this file is shown: the variable that names it, else its path. */
  public Origin origin() {
    return namedByVariable() ? pathSource : Origin.parse(path);
  }

  /** Where the AWS SDK for Java's parse error points: the path, with the line it names. */
  public Origin sdkParseErrorOrigin() {
    return sdkParseErrorLine == null ? Origin.parse(path) : Origin.file(path, sdkParseErrorLine);
  }
}
