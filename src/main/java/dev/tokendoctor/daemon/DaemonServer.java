package dev.tokendoctor.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The daemon's server: takes its address's lock, listens on the socket, runs each command line it receives with
 * {@link Handler}, and stops when asked, after {@code idleTimeout} without a command, when the tool it runs has
 * changed, or when a command changed what all commands share ({@link DaemonInvariants}). Only the user who owns it
 * can connect: the folder is private, and each peer's user is checked too.
 *
 * <p>Each connection has a thread of its own and {@link #REQUEST_DEADLINE} to send its request whole: one that
 * sends nothing, or never finishes, is closed and holds nothing. Commands then run in at most {@code runSlots} at
 * once; {@code status} and {@code stop} are answered at once, never behind them.
 */
public final class DaemonServer implements Closeable {

  /** Runs one command line as the one-shot tool would. */
  public interface Handler {
    Reply run(Request request);
  }

  private final DaemonAddress address;
  private final Duration idleTimeout;
  private final Handler handler;
  private final BooleanSupplier stillCurrent;
  private final Consumer<String> log;
  /** How long a client has to send its request whole, from connecting. */
  public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);
  /** Connections served at once; more are closed at once (their clients run the command themselves). */
  static final int MAX_CONNECTIONS = 64;

  private final ExecutorService connections;
  private final Semaphore runSlots;
  private final ScheduledExecutorService deadlines;
  private final Duration requestDeadline;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  /** {@link #served} when the memory was last trimmed. */
  private long trimmedAt;
  /** Quiet this long after a command, the daemon gives back the memory that command left behind. */
  static final long TRIM_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
  private final Instant started = Instant.now();
  private volatile long lastActivity = System.nanoTime();
  private volatile String stopReason;
  private FileChannel lockFile;
  private FileLock lock;
  private ServerSocketChannel server;
  private volatile String owner;
  private volatile DaemonInvariants invariants;

  /**
   * @param address where to listen
   * @param idleTimeout how long to wait for a command before stopping
   * @param handler what runs the commands
   * @param stillCurrent false once the tool this process runs has changed on disk (a rebuilt jar)
   * @param log where lifecycle lines go (never what a command carried)
   */
  public DaemonServer(DaemonAddress address, Duration idleTimeout, Handler handler, BooleanSupplier stillCurrent,
      Consumer<String> log) {
    this(address, idleTimeout, handler, stillCurrent, log, REQUEST_DEADLINE);
  }

  /** A server whose clients have {@code requestDeadline} to send their request. */
  public DaemonServer(DaemonAddress address, Duration idleTimeout, Handler handler, BooleanSupplier stillCurrent,
      Consumer<String> log, Duration requestDeadline) {
    this.address = address;
    this.idleTimeout = idleTimeout;
    this.handler = handler;
    this.stillCurrent = stillCurrent;
    this.log = log;
    this.requestDeadline = requestDeadline;
    this.runSlots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.connections = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tokendoctor-daemon-connection");
      t.setDaemon(true);
      return t;
    });
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tokendoctor-daemon-deadline");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the address's lock, which this server then holds until it stops. False when another daemon holds it:
   * one is running, or starting and warming up.
   */
  public boolean lock() throws IOException {
    lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockFile.close();
      return false;
    }
    // Who holds it, for 'daemon status' and 'daemon stop' while this daemon warms up or does not answer.
    lockFile.truncate(0);
    lockFile.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
    lockFile.force(false);
    return true;
  }

  /** The process id written in {@code address}'s lock by the daemon that took it, or -1. */
  public static long lockHolder(DaemonAddress address) {
    try {
      return Long.parseLong(Files.readString(address.lock(), java.nio.charset.StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Whether some daemon holds {@code address}'s lock now (running, or starting). */
  public static boolean locked(DaemonAddress address) {
    if (!Files.exists(address.lock())) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(address.lock(), StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Listens on the address's socket, replacing one that a daemon which died left behind. Call after {@link #lock}. */
  public void bind() throws IOException {
    if (lock == null) {
      throw new IllegalStateException("bind() before lock()");
    }
    // Holding the lock means no live daemon owns this socket file.
    Files.deleteIfExists(address.socket());
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(address.socket()));
    Files.setPosixFilePermissions(address.socket(), PosixFilePermissions.fromString("rw-------"));
    // The user the file system says owns the socket: not a property a command could change.
    owner = Files.getOwner(address.socket()).getName();
    invariants = DaemonInvariants.snapshot();
    lastActivity = System.nanoTime();
  }

  /** Serves until stopped; returns why it stopped. */
  public String serve() {
    ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tokendoctor-daemon-watch");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(100, Math.min(1_000, idleTimeout.toMillis() / 4));
    watch.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    try {
      while (stopReason == null) {
        SocketChannel ch;
        try {
          ch = server.accept();
        } catch (ClosedChannelException e) {
          break;
        } catch (IOException e) {
          stop("the socket failed: " + e.getMessage());
          break;
        }
        if (active.incrementAndGet() > MAX_CONNECTIONS) {
          active.decrementAndGet();
          closeQuietly(ch);
          continue;
        }
        lastActivity = System.nanoTime();
        connections.execute(() -> {
          try {
            handle(ch);
          } finally {
            lastActivity = System.nanoTime();
            active.decrementAndGet();
          }
        });
      }
    } finally {
      watch.shutdownNow();
      deadlines.shutdownNow();
      connections.shutdown();
      try {
        connections.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      close();
    }
    return stopReason == null ? "stopped" : stopReason;
  }

  /** Stops taking commands; those running finish. */
  public synchronized void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    closeSocket();
  }

  /**
   * Removes the socket file, then closes the channel: a client arriving now is refused and runs the command
   * itself. Nothing once the lock is released: the socket file may be another daemon's by then.
   */
  private void closeSocket() {
    if (lock == null) {
      return;
    }
    try {
      Files.deleteIfExists(address.socket());
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      log.accept("closing the socket: " + e.getMessage());
    }
  }

  private void watch() {
    if (!stillCurrent.getAsBoolean()) {
      stop("the tool changed on disk");
    } else if (active.get() == 0 && System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
      stop("idle for " + idleTimeout.toMinutes() + " min");
    } else if (active.get() == 0 && served.get() != trimmedAt && System.nanoTime() - lastActivity > TRIM_AFTER_NANOS) {
      // A command that compiled a rules folder leaves tens of MiB behind; the daemon would otherwise hold them
      // until it stops.
      trimmedAt = served.get();
      HeapTrim.trim();
    }
  }

  private void handle(SocketChannel ch) {
    // Closing the channel is the only way to end a blocked read on it: done when the request is late.
    ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(ch), requestDeadline.toMillis(),
        TimeUnit.MILLISECONDS);
    try (ch) {
      if (!sameUser(ch)) {
        return;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
      if (in.readInt() != Wire.MAGIC) {
        return;
      }
      switch (in.readByte()) {
        case Wire.RUN -> {
          Request request = Request.read(in);
          if (!deadline.cancel(false)) {
            return;
          }
          run(request, out);
        }
        case Wire.STATUS -> {
          deadline.cancel(false);
          status().write(out);
        }
        case Wire.STOP -> {
          deadline.cancel(false);
          out.writeBoolean(true);
          out.flush();
          stop("asked to stop");
        }
        default -> {
          return;
        }
      }
      out.flush();
    } catch (IOException e) {
      // A client that went away (Ctrl-C), was too slow, or spoke nonsense: nothing to answer.
    } finally {
      deadline.cancel(false);
    }
  }

  /** Runs one command in a free run slot, answers, and stops the daemon if the command changed it. */
  private void run(Request request, DataOutputStream out) throws IOException {
    try {
      runSlots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Reply reply;
    try {
      reply = handler.run(request);
      served.incrementAndGet();
    } finally {
      runSlots.release();
    }
    DaemonInvariants snapshot = invariants;
    String broken = snapshot == null ? null : snapshot.broken();
    if (broken != null) {
      // What this command printed was computed as a one-process run computes it; the next ones would not be.
      stop("a command changed the daemon (" + broken + ")");
    }
    reply.write(out);
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // closing is all there is to do
    }
  }

  /** The peer runs as the user who owns the socket (the folder's mode says so already; this says it again). */
  private boolean sameUser(SocketChannel ch) {
    try {
      UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
      String me = owner;
      return me == null || peer.user().getName().equals(me);
    } catch (UnsupportedOperationException | IOException e) {
      return true;
    }
  }

  Status status() {
    return new Status(ProcessHandle.current().pid(), started, served.get(), idleTimeout,
        String.valueOf(DaemonAddress.runningJar()));
  }

  /** Removes the socket and releases the lock (its file stays: see {@link DaemonAddress#lock}). */
  @Override
  public synchronized void close() {
    closeSocket();
    try {
      if (lock != null) {
        lock.release();
        lock = null;
      }
      if (lockFile != null) {
        lockFile.close();
      }
    } catch (IOException e) {
      log.accept("closing: " + e.getMessage());
    }
  }
}
