package dev.tokendoctor.engine;

/**
 * One file of a rules folder.
 *
 * @param relativePath its path inside the rules folder, with {@code /} separators ({@code key-material/KEY_QUOTED.drl})
 * @param displayPath the path to show people ({@code rules/key-material/KEY_QUOTED.drl})
 * @param text its content
 */
public record SourceFile(String relativePath, String displayPath, String text) {

  public boolean isRule() {
    return relativePath.endsWith(".drl");
  }

  public boolean isTable() {
    return relativePath.startsWith("tables/") && relativePath.endsWith(".csv");
  }

  /** A cause's wording: {@code <section>/<ID>.templates.md}. */
  public boolean isTemplates() {
    return relativePath.endsWith(".templates.md");
  }

  /** A cause's golden rendering, which its positive scenario must reproduce: {@code <section>/<ID>.expected.md}. */
  public boolean isExpected() {
    return relativePath.endsWith(".expected.md");
  }

  public boolean isScenarioFile() {
    return relativePath.endsWith(".scenarios.json");
  }

  /** The file name without folders and without the extension. */
  public String baseName() {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
