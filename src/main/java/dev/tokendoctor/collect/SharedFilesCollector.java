package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The shared credentials and config files: located as the clients locate them, scanned line by line, and
 * parsed by the AWS SDK for Java's own parser (what the SDK sees, and what it refuses).
 */
final class SharedFilesCollector {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");
  /** Shared files are small; a larger one is not read (and says so). */
  private static final long MAX_BYTES = 4L << 20;

  void collect(Collection c) {
    c.credentialsFile = locate(c, "credentials", "AWS_SHARED_CREDENTIALS_FILE");
    c.configFile = locate(c, "config", "AWS_CONFIG_FILE");
    FileScanner scanner = new FileScanner(c.descriptors);
    List<String> problems = new ArrayList<>();
    for (ScannedFile f : c.files()) {
      read(f, scanner, problems);
    }
    javaView(c);
    c.ran("files", problems.isEmpty() ? "ok" : "partial", problems.isEmpty() ? null : String.join("; ", problems));
  }

  private static ScannedFile locate(Collection c, String kind, String variable) {
    String fromEnv = c.machine.envNonBlank(variable);
    Path path = fromEnv != null ? c.machine.expand(fromEnv) : c.machine.home().resolve(".aws").resolve(kind);
    return new ScannedFile(kind, path, c.machine.display(path), fromEnv != null ? Origin.env(variable) : Origin.byDefault());
  }

  private static void read(ScannedFile f, FileScanner scanner, List<String> problems) {
    f.exists = Files.exists(f.path);
    if (!f.exists) {
      return;
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(f.path)) {
        throw new IOException("it is a folder");
      }
      if (Files.size(f.path) > MAX_BYTES) {
        throw new IOException("larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(f.path);
      f.readable = true;
    } catch (IOException | SecurityException e) {
      f.readable = false;
      problems.add(f.displayPath + " cannot be read: " + e.getMessage());
      return;
    }
    scanner.scan(f, bytes);
    try {
      ProfileFile.builder().content(f.path).type(type(f)).build().profiles();
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      f.sdkParseError = msg.lines().findFirst().orElse(msg);
      Matcher m = LINE.matcher(msg);
      f.sdkParseErrorLine = m.find() ? Integer.valueOf(m.group(1)) : null;
    }
  }

  private static ProfileFile.Type type(ScannedFile f) {
    return f.kind.equals("credentials") ? ProfileFile.Type.CREDENTIALS : ProfileFile.Type.CONFIGURATION;
  }

  /** Both files as the SDK's default profile file aggregates them (credentials file first, its values win). */
  private static void javaView(Collection c) {
    List<String> broken = new ArrayList<>();
    ProfileFile.Aggregator agg = ProfileFile.aggregator();
    for (ScannedFile f : c.files()) {
      if (!f.usable()) {
        continue;
      }
      if (f.sdkParseError != null) {
        broken.add("the AWS SDK for Java cannot parse " + f.displayPath + ": " + f.sdkParseError);
        continue;
      }
      agg.addFile(ProfileFile.builder().content(f.path).type(type(f)).build());
    }
    if (!broken.isEmpty()) {
      c.javaProfilesError = String.join("; ", broken);
      return;
    }
    c.javaProfiles = agg.build();
  }
}
