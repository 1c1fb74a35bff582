package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting input into tickets: line ends, overlong lines, gzip by magic bytes, truncated gzip, blank lines. */
class TicketReaderTest {
  @TempDir Path dir;

  @Test
  void linesSplitOnLfAndCrLfKeepTheLastLineAndSkipAnOverlongOneWithoutHoldingIt() throws Exception {
    String text = "a\r\nbb\n" + "x".repeat(200_000) + "\nccc\n\n  \ndd";
    TicketReader.Lines lines = new TicketReader.Lines(stream(text.getBytes(StandardCharsets.UTF_8)), 1000);
    List<String> got = new ArrayList<>();
    byte[] l;
    while ((l = lines.next()) != null) {
      got.add(l == TicketReader.Lines.TOO_LONG ? "<too long>" : new String(l, StandardCharsets.UTF_8));
    }
    assertThat(got).containsExactly("a", "bb", "<too long>", "ccc", "", "  ", "dd");
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesAndATruncatedStreamBecomesOneErrorTicket() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        out.write(("{\"ticket\":\"T-" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    Files.write(dir.resolve("whole.txt"), whole);
    Files.write(dir.resolve("cut.jsonl"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(dir.resolve("plain.jsonl"), "{\"ticket\":\"P\"}\n\n   \n");
    List<RawTicket> got = read("whole.txt", "cut.jsonl", "plain.jsonl");

    List<RawTicket> whole2000 = got.stream().filter(t -> t.source().startsWith("whole.txt:")).toList();
    assertThat(whole2000).hasSize(2000);
    assertThat(new String(whole2000.get(1999).line(), StandardCharsets.UTF_8)).isEqualTo("{\"ticket\":\"T-1999\"}");
    List<RawTicket> cut = got.stream().filter(t -> t.source().startsWith("cut.jsonl:")).toList();
    assertThat(cut.get(cut.size() - 1).problem()).contains("cannot be read past line", "the rest of cut.jsonl is lost");
    assertThat(cut.subList(0, cut.size() - 1)).allMatch(t -> t.problem() == null);
    assertThat(got.get(got.size() - 1).source()).isEqualTo("plain.jsonl:1");
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i).index()).isEqualTo(i);
    }
  }

  private List<RawTicket> read(String... names) throws Exception {
    List<TicketReader.Input> inputs = new ArrayList<>();
    for (String n : names) {
      inputs.add(new TicketReader.Input(n, dir.resolve(n)));
    }
    List<RawTicket> got = new ArrayList<>();
    new TicketReader(inputs, InputStream.nullInputStream(), 4096).read(t -> got.add(t));
    return got;
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
