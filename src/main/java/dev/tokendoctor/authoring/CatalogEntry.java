package dev.tokendoctor.authoring;

import java.util.List;

/**
 * One cause rule, as {@code rules list} and the docs show it.
 *
 * @param id its cause id
 * @param title its {@code @title}
 * @param severity its {@code @severity}
 * @param confidence its {@code @confidence}
 * @param section its section on the cause list ({@code temporary-credentials}), or empty when not listed
 * @param file the rule file, as shown to people
 * @param relativePath the rule file inside the rules folder
 * @param line the line of the rule
 * @param scenarios how many scenarios test it
 * @param check the title of its check rule, or {@code null}
 * @param explains the AWS error codes it explains
 * @param supersedes the causes it explains better
 * @param sources its public sources
 */
public record CatalogEntry(
    String id, String title, String severity, String confidence, String section, String file, String relativePath,
    int line, int scenarios, String check, List<String> explains, List<String> supersedes, List<String> sources) {

  public CatalogEntry {
    explains = List.copyOf(explains);
    supersedes = List.copyOf(supersedes);
    sources = List.copyOf(sources);
  }
}
