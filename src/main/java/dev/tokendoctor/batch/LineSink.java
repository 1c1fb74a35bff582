package dev.tokendoctor.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a file, only ever whole lines: lines are gathered in a buffer and written at line
 * boundaries, so a file cut short by a kill ends with a complete line. {@link #length()} after
 * {@link #flush()} is a safe place to resume from.
 */
final class LineSink implements Closeable {
  private final FileChannel channel;
  private ByteBuffer buf = ByteBuffer.allocate(1 << 18);

  /** Opens {@code file} for appending, cut to {@code keep} bytes first (what a checkpoint vouches for). */
  LineSink(Path file, long keep) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(keep);
    channel.position(keep);
  }

  void line(byte[] bytes) throws IOException {
    if (buf.remaining() < bytes.length + 1) {
      flush();
      if (buf.capacity() < bytes.length + 1) {
        buf = ByteBuffer.allocate(bytes.length + 1);
      }
    }
    buf.put(bytes).put((byte) '\n');
  }

  boolean hasPending() {
    return buf.position() > 0;
  }

  void flush() throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    buf.clear();
  }

  /** The file's length once flushed. */
  long length() throws IOException {
    return channel.position();
  }

  /** Makes what was flushed durable (before a checkpoint says it is there). */
  void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      channel.close();
    }
  }
}
