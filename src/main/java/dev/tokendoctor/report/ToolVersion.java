package dev.tokendoctor.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's own version, written into every report and bundle. */
public final class ToolVersion {
  public static final String NAME = "tokendoctor";
  private static final String VERSION = load();

  private ToolVersion() {}

  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/tokendoctor/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
