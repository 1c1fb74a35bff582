package dev.tokendoctor.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a scenario's {@code "bundle": "x.json"} is looked up: a {@code facts-samples/} folder, or the copy of it
 * packaged in the jar (so {@code tokendoctor rules test} works from the jar alone).
 */
public interface Samples {

  /** How to name this place to people. */
  String description();

  /** The sample's bytes; {@link NoSuchFileException} when there is no such sample. */
  byte[] read(String name) throws IOException;

  /** A ticket's bytes, from {@code tickets-samples/} beside the samples; {@link NoSuchFileException} when there is none. */
  byte[] readTicket(String name) throws IOException;

  /** The classpath folder that holds the shipped copy of {@code facts-samples/}. */
  String SHIPPED = "tokendoctor/facts-samples";

  /** The classpath folder that holds the shipped copy of {@code tickets-samples/}. */
  String SHIPPED_TICKETS = "tokendoctor/tickets-samples";

  /** The samples in {@code dir}. */
  static Samples folder(Path dir) {
    return new Samples() {
      @Override
      public String description() {
        return dir.toString().replace('\\', '/');
      }

      @Override
      public byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(checked(name)));
      }

      @Override
      public byte[] readTicket(String name) throws IOException {
        // A samples folder without tickets beside it (a rules folder copied out of the checkout) uses the shipped ones.
        Path tickets = dir.toAbsolutePath().normalize().resolveSibling("tickets-samples");
        return Files.isDirectory(tickets) ? Files.readAllBytes(tickets.resolve(checked(name))) : resource(SHIPPED_TICKETS, name);
      }
    };
  }

  /** The samples packaged in the jar. */
  static Samples shipped() {
    return new Samples() {
      @Override
      public String description() {
        return "built-in samples";
      }

      @Override
      public byte[] read(String name) throws IOException {
        return resource(SHIPPED, name);
      }

      @Override
      public byte[] readTicket(String name) throws IOException {
        return resource(SHIPPED_TICKETS, name);
      }
    };
  }

  private static byte[] resource(String folder, String name) throws IOException {
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(folder + "/" + checked(name))) {
      if (in == null) {
        throw new NoSuchFileException(name);
      }
      return in.readAllBytes();
    }
  }

  /** A sample is named by a plain relative path inside the samples folder, never one that leaves it. */
  private static String checked(String name) throws IOException {
    String n = name.replace('\\', '/');
    if (n.isBlank() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../")) {
      throw new IOException("\"" + name + "\" must be a file name inside the samples folder");
    }
    return n;
  }
}
