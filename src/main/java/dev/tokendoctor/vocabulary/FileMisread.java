package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A shared file is malformed in a way that loses what the failing client needs: the parsers refuse the whole file
 * (a byte order mark, UTF-16, a property before any section, a line without {@code =}, an unterminated header, or
 * the AWS SDK for Java's own parser refused it), or a line of the selected profile is misread (an indented key, two
 * entries on one line, or an inline comment when the failing client is not the Java SDK, which strips it).
 *
 * @param path the file's path as shown to people
 * @param origin where it was seen ({@code ~/.aws/credentials:3})
 * @param kind what was seen: the scanner's anomaly kind ({@code BOM}, {@code INLINE_COMMENT}...) or
 *     {@code SDK_PARSE_ERROR}
 */
public record FileMisread(String path, Origin origin, String kind) {}
