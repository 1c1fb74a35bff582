package dev.tokendoctor.batch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Turns the command line's inputs into a stream of tickets, in a fixed order: the inputs as given; a folder's
 * files by name, folder by folder; a JSON Lines file line by line. Holds one line at a time, whatever the
 * input's size. Gzip is recognised by its magic bytes, whatever the file is called.
 *
 * <ul>
 *   <li>{@code -}: standard input, JSON Lines
 *   <li>a folder: every {@code *.json} file in it (and below) is one bundle, named after the file; every
 *       {@code *.jsonl} / {@code *.ndjson} file is JSON Lines; others are not tickets and are passed over
 *   <li>a file named {@code *.json} (or {@code *.json.gz}): one bundle; {@code *.csv} (or {@code *.csv.gz}): a
 *       help-desk export, one ticket per record ({@link CsvTickets}); any other file: JSON Lines
 * </ul>
 */
final class TicketReader {
  /** Receives each ticket; returns false to stop reading. */
  interface Sink {
    boolean accept(RawTicket ticket) throws InterruptedException;
  }

  private final List<Input> inputs;
  private final InputStream stdin;
  private final int maxLineBytes;
  private final CsvColumns csv;
  private final java.util.function.Consumer<String> warnings;
  /** The real path of every file and folder read so far, and the name it was read under. */
  private final java.util.Map<Path, String> seen = new java.util.HashMap<>();
  private final AtomicLong bytesRead = new AtomicLong();
  private long index;

  /**
   * @param inputs the inputs, resolved
   * @param stdin standard input, for {@code -}
   * @param maxLineBytes the longest line read; a longer one becomes an error row and is skipped without being
   *     held in memory
   */
  TicketReader(List<Input> inputs, InputStream stdin, int maxLineBytes) {
    this(inputs, stdin, maxLineBytes, CsvColumns.DEFAULT, w -> { });
  }

  /**
   * @param csv the columns of CSV exports
   * @param warnings receives one line for each file or folder passed over: a symbolic link back into a folder
   *     being read (a loop), a file or folder already read under another name
   */
  TicketReader(List<Input> inputs, InputStream stdin, int maxLineBytes, CsvColumns csv,
      java.util.function.Consumer<String> warnings) {
    this.inputs = List.copyOf(inputs);
    this.stdin = stdin;
    this.maxLineBytes = maxLineBytes;
    this.csv = csv;
    this.warnings = warnings;
  }

  /**
   * An input as the user named it.
   *
   * @param name as given on the command line (used in sources: {@code name:line})
   * @param path the resolved path, {@code null} for standard input
   */
  record Input(String name, Path path) {
    boolean stdin() {
      return path == null;
    }
  }

  /** Bytes read so far from the inputs (compressed bytes for gzip), for progress. */
  long bytesRead() {
    return bytesRead.get();
  }

  /** The total size of the inputs in bytes, or -1 when unknown (standard input). */
  static long totalBytes(List<Input> inputs) {
    long total = 0;
    for (Input in : inputs) {
      if (in.stdin()) {
        return -1;
      }
      try {
        if (Files.isDirectory(in.path())) {
          try (Stream<Path> s = Files.walk(in.path())) {
            total += s.filter(TicketReader::isTicketFile).mapToLong(TicketReader::sizeOf).sum();
          }
        } else {
          total += Files.size(in.path());
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        return -1;
      }
    }
    return total;
  }

  /** Reads every input in order and hands each ticket to {@code sink}, until the end or until it says stop. */
  void read(Sink sink) throws InterruptedException {
    for (Input in : inputs) {
      boolean more;
      if (in.stdin()) {
        more = readLines("<stdin>", stdin, sink);
      } else if (Files.isDirectory(in.path())) {
        more = firstTime(in.path(), in.name()) ? readFolder(in, in.path(), sink) : true;
      } else if (isBundleName(in.path())) {
        more = sink.accept(bundleFile(in.name(), in.path()));
      } else if (isCsvName(in.path())) {
        more = readCsvOf(in.name(), in.path(), sink);
      } else {
        more = readLinesOf(in.name(), in.path(), sink);
      }
      if (!more) {
        return;
      }
    }
  }

  private boolean readFolder(Input root, Path dir, Sink sink) throws InterruptedException {
    List<Path> children = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(children::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      return sink.accept(new RawTicket(index++, display(root, dir), null, null, null,
          "cannot list the folder: " + e.getMessage()));
    }
    children.sort(null);
    for (Path p : children) {
      boolean more = true;
      String shown = display(root, p);
      if (Files.isDirectory(p)) {
        if (Files.isSymbolicLink(p) && isLoop(p, dir)) {
          warnings.accept(shown + ": a symbolic link back to " + shownReal(root, p) + " (a loop); not followed");
        } else if (firstTime(p, shown)) {
          more = readFolder(root, p, sink);
        }
      } else if (isBundleName(p) || isLinesName(p) || isCsvName(p)) {
        String odd = dev.tokendoctor.bundle.InputFiles.oddKind(p);
        if (odd != null) {
          // A FIFO would block the whole run until someone writes to it; a device may never end.
          more = sink.accept(new RawTicket(index++, shown, null, null, null, odd + ", not a ticket file; skipped"));
        } else if (firstTime(p, shown)) {
          more = isBundleName(p) ? sink.accept(bundleFile(shown, p))
              : isCsvName(p) ? readCsvOf(shown, p, sink) : readLinesOf(shown, p, sink);
        }
      }
      if (!more) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the real file or folder behind {@code p} is read for the first time: with symbolic links, one file
   * can be reached under several names, and each real file is one set of tickets.
   */
  private boolean firstTime(Path p, String shown) {
    Path real = realOr(p);
    String before = seen.putIfAbsent(real, shown);
    if (before != null) {
      warnings.accept(shown + ": the same " + (Files.isDirectory(real) ? "folder" : "file") + " as " + before
          + " (a symbolic link); read once");
      return false;
    }
    return true;
  }

  /** Whether the folder {@code link} leads to contains {@code dir}, the folder being read: following it would loop. */
  private static boolean isLoop(Path link, Path dir) {
    Path target = realOr(link);
    return realOr(dir).startsWith(target);
  }

  /** Where a link leads, named from the input's folder when it is inside it. */
  private static String shownReal(Input root, Path link) {
    Path target = realOr(link);
    Path base = realOr(root.path());
    if (!target.startsWith(base)) {
      return target.toString();
    }
    String rel = base.relativize(target).toString().replace('\\', '/');
    String name = root.name().endsWith("/") ? root.name() : root.name() + "/";
    return rel.isEmpty() ? root.name() : name + rel;
  }

  private static Path realOr(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private RawTicket bundleFile(String shown, Path p) {
    bytesRead.addAndGet(sizeOf(p));
    String name = p.getFileName().toString();
    String id = name.replaceFirst("(?i)\\.json(\\.gz)?$", "");
    return new RawTicket(index++, shown, null, p, id, null);
  }

  private boolean readLinesOf(String name, Path p, Sink sink) throws InterruptedException {
    try (InputStream in = Files.newInputStream(p)) {
      return readLines(name, in, sink);
    } catch (IOException e) {
      return sink.accept(new RawTicket(index++, name, null, null, null, "cannot read: " + e.getMessage()));
    }
  }

  private boolean readCsvOf(String name, Path p, Sink sink) throws InterruptedException {
    try (InputStream in = decompressed(new Counting(Files.newInputStream(p), bytesRead))) {
      return CsvTickets.read(name, in, csv, maxLineBytes, () -> index++, sink);
    } catch (IOException e) {
      return sink.accept(new RawTicket(index++, name, null, null, null, "cannot read: " + e.getMessage()));
    }
  }

  /** Reads JSON Lines; a read error ends this input with one error row that says where it stopped. */
  private boolean readLines(String name, InputStream raw, Sink sink) throws InterruptedException {
    long lineNo = 0;
    try {
      Lines lines = new Lines(decompressed(new Counting(raw, bytesRead)), maxLineBytes);
      byte[] line;
      while ((line = lines.next()) != null) {
        lineNo++;
        RawTicket t;
        if (line == Lines.TOO_LONG) {
          t = new RawTicket(index++, name + ":" + lineNo, null, null, null,
              "the line is longer than " + maxLineBytes + " bytes; refused");
        } else if (isBlank(line)) {
          continue;
        } else {
          t = new RawTicket(index++, name + ":" + lineNo, line, null, null, null);
        }
        if (!sink.accept(t)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return sink.accept(new RawTicket(index++, name + ":" + (lineNo + 1), null, null, null,
          "the input cannot be read past line " + lineNo + " (" + e.getMessage() + "); the rest of " + name
              + " is lost"));
    }
  }

  /** Splits a stream into lines without a lock or a call per byte; a line past the limit is skipped whole. */
  static final class Lines {
    static final byte[] TOO_LONG = new byte[0];
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    Lines(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line without its {@code \n} (and {@code \r}), {@link #TOO_LONG}, or null at the end. */
    byte[] next() throws IOException {
      ByteArrayOutputStream acc = null;
      boolean tooLong = false;
      while (true) {
        if (pos == lim) {
          if (eof || !fill()) {
            if (acc == null && !tooLong) {
              return null;
            }
            return tooLong ? TOO_LONG : trimCr(acc.toByteArray());
          }
        }
        int nl = -1;
        for (int i = pos; i < lim; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        int end = nl < 0 ? lim : nl;
        int len = end - pos;
        if (!tooLong) {
          int have = acc == null ? 0 : acc.size();
          if (have + len > max) {
            tooLong = true;
            acc = null;
          } else if (nl >= 0 && acc == null) {
            byte[] line = java.util.Arrays.copyOfRange(buf, pos, end);
            pos = nl + 1;
            return trimCr(line);
          } else {
            if (acc == null) {
              acc = new ByteArrayOutputStream(Math.max(256, len * 2));
            }
            acc.write(buf, pos, len);
          }
        }
        if (nl >= 0) {
          pos = nl + 1;
          return tooLong ? TOO_LONG : trimCr(acc.toByteArray());
        }
        pos = lim;
        if (acc == null && !tooLong) {
          acc = new ByteArrayOutputStream(256);
        }
      }
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        eof = true;
        pos = lim = 0;
        return false;
      }
      pos = 0;
      lim = n;
      return true;
    }

    private static byte[] trimCr(byte[] line) {
      int len = line.length;
      return len > 0 && line[len - 1] == '\r' ? java.util.Arrays.copyOf(line, len - 1) : line;
    }
  }

  /** The stream as is, or unzipped when it starts with gzip's magic bytes. */
  static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  private static boolean isBlank(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      byte c = bytes[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  static boolean isBundleName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".json.gz");
  }

  static boolean isLinesName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson") || n.endsWith(".ndjson.gz");
  }

  static boolean isCsvName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".csv.gz");
  }

  private static boolean isTicketFile(Path p) {
    return Files.isRegularFile(p) && (isBundleName(p) || isLinesName(p) || isCsvName(p));
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String display(Input root, Path p) {
    Path rel = root.path().relativize(p);
    String base = root.name().endsWith("/") ? root.name() : root.name() + "/";
    return (base + rel).replace('\\', '/');
  }

  /** Counts the raw bytes that pass, for the progress bar. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong counter;

    Counting(InputStream in, AtomicLong counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        counter.addAndGet(n);
      }
      return n;
    }
  }
}
