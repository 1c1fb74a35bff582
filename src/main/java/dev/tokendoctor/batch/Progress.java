package dev.tokendoctor.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on stderr while a run goes: on a terminal a bar redrawn in place, with the rate and the time left;
 * elsewhere (a log, CI) a plain line every few seconds. The share done is measured in input bytes, which are
 * known up front, rather than in tickets, which are not.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean terminal;
  private final long totalBytes;
  private final LongSupplier bytesRead;
  private final LongSupplier done;
  private final long intervalMillis;
  private final long startNanos = System.nanoTime();
  private final long doneAtStart;
  private Thread thread;
  private volatile boolean stopped;

  /**
   * @param totalBytes the inputs' size, or -1 when unknown (standard input): then no bar and no ETA
   * @param intervalMillis how often a plain line is printed when not on a terminal
   */
  Progress(PrintWriter err, boolean terminal, long totalBytes, LongSupplier bytesRead, LongSupplier done,
      long intervalMillis) {
    this.err = err;
    this.terminal = terminal;
    this.totalBytes = totalBytes;
    this.bytesRead = bytesRead;
    this.done = done;
    this.intervalMillis = intervalMillis;
    this.doneAtStart = done.getAsLong();
  }

  void start() {
    thread = new Thread(() -> {
      long sleep = terminal ? 250 : intervalMillis;
      while (!stopped) {
        try {
          TimeUnit.MILLISECONDS.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
        if (!stopped) {
          print(false);
        }
      }
    }, "batch-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the updates; on a terminal, leaves the bar's last state on its own line. */
  void stop() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (terminal) {
      print(true);
    }
  }

  private synchronized void print(boolean last) {
    long n = done.getAsLong();
    double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = (n - doneAtStart) / secs;
    double frac = totalBytes > 0 ? Math.min(1.0, (double) bytesRead.getAsLong() / totalBytes) : -1;
    String eta = frac > 0.001 && frac < 1 ? " ETA " + duration(secs * (1 - frac) / frac) : "";
    String counts = String.format(Locale.ROOT, "%,d tickets  %,.0f/s", n, rate);
    if (terminal) {
      StringBuilder line = new StringBuilder("\r");
      if (frac >= 0) {
        int width = 30;
        int full = (int) Math.round(frac * width);
        line.append('[').append("#".repeat(full)).append("-".repeat(width - full)).append("] ")
            .append(String.format(Locale.ROOT, "%3.0f%%  ", frac * 100));
      }
      line.append(counts).append(eta).append("\u001b[K");
      if (last) {
        line.append('\n');
      }
      err.print(line);
    } else {
      err.println("batch: " + counts + (frac >= 0 ? String.format(Locale.ROOT, ", %.0f%% of the input read", frac * 100) : "") + eta);
    }
    err.flush();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
