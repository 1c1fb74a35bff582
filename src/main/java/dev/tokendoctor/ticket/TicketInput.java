package dev.tokendoctor.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A ticket's bytes as text: UTF-8 (a UTF-8 byte order mark is dropped), at most {@link #MAX_BYTES}, not
 * empty. Anything else is refused with one line that names the ticket and what is wrong, never its content.
 */
public final class TicketInput {
  /** As large as a bundle may be: a ticket is a few pages, a whole log a few hundred kilobytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private TicketInput() {}

  /** Why a ticket cannot be read; the message is one line, with no text of the ticket. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Decodes a ticket.
   *
   * @param bytes what was read (at most {@link #MAX_BYTES} + 1 bytes, to tell a too-large one)
   * @param source how to name the ticket in the message
   */
  public static String decode(byte[] bytes, String source) throws Unreadable {
    if (bytes.length > MAX_BYTES) {
      throw new Unreadable(source + ": the ticket is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; paste only the error, "
          + "the commands and their output");
    }
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      throw new Unreadable(source + ": the ticket is UTF-16 text; save it as UTF-8");
    }
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      text = d.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable(source + ": not UTF-8 text; save the ticket as UTF-8");
    }
    if (text.isBlank()) {
      throw new Unreadable(source + ": the ticket is empty");
    }
    if (text.indexOf('\0') >= 0) {
      throw new Unreadable(source + ": not a text file (it holds NUL bytes)");
    }
    return text;
  }
}
