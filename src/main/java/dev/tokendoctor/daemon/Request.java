package dev.tokendoctor.daemon;

import dev.tokendoctor.bundle.BundleLimits;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One command line for the daemon to run, with what of the client's process it needs to run it as the client
 * would have.
 *
 * @param args the command line
 * @param env the environment variables that change what these commands do ({@link #forwarded}); never
 *     credentials
 * @param workingDir the client's working folder, which relative paths start from
 * @param home the client's home folder
 * @param terminal the client's standard output is a terminal
 * @param charset the client's console charset
 * @param stdin the content of {@code stdinFor}, read whole by the client; else empty
 * @param stdinFor the argument whose content {@code stdin} is: {@code -} (standard input), or a descriptor the
 *     client's shell opened ({@code /dev/stdin}, {@code /dev/fd/63} from {@code <(...)}), which only the client can
 *     read
 */
public record Request(
    List<String> args, Map<String, String> env, String workingDir, String home, boolean terminal, String charset,
    byte[] stdin, String stdinFor) {

  /** The most input a request carries: the largest bundle ({@link BundleLimits}); a larger one is refused anyway. */
  public static final int MAX_STDIN = (int) BundleLimits.DEFAULT.maxBytes();

  /** A request whose input, if any, is standard input's. */
  public Request(List<String> args, Map<String, String> env, String workingDir, String home, boolean terminal,
      String charset, byte[] stdin) {
    this(args, env, workingDir, home, terminal, charset, stdin, "-");
  }

  /** Variables forwarded besides the {@code TOKENDOCTOR_}, {@code XDG_} and {@code LC_} ones. */
  private static final Set<String> FORWARDED = Set.of("HOME", "LANG", "TZ", "TERM", "NO_COLOR", "COLUMNS");

  public Request {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  /**
   * Whether a variable goes to the daemon. Diagnosing a bundle reads only the tool's own settings and where its
   * cache is; nothing else is sent, so no key, secret or token in the client's environment reaches the daemon.
   */
  public static boolean forwarded(String name) {
    return FORWARDED.contains(name) || name.startsWith("TOKENDOCTOR_") || name.startsWith("XDG_") || name.startsWith("LC_");
  }

  /** The forwarded part of {@code env}, sorted. */
  public static Map<String, String> forwardedPart(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>();
    env.forEach((k, v) -> {
      if (forwarded(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Whether the command line reads standard input: a lone {@code -} among its arguments. */
  public static boolean readsStdin(List<String> args) {
    return args.contains("-");
  }

  void write(DataOutputStream out) throws IOException {
    Wire.writeCount(out, args.size());
    for (String a : args) {
      Wire.writeString(out, a);
    }
    Map<String, String> sorted = new TreeMap<>(env);
    Wire.writeCount(out, sorted.size());
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      Wire.writeString(out, e.getKey());
      Wire.writeString(out, e.getValue());
    }
    Wire.writeString(out, workingDir);
    Wire.writeString(out, home);
    out.writeBoolean(terminal);
    Wire.writeString(out, charset);
    Wire.writeBytes(out, stdin);
    Wire.writeString(out, stdinFor);
  }

  static Request read(DataInputStream in) throws IOException {
    int n = Wire.readCount(in);
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      args.add(Wire.readString(in));
    }
    int m = Wire.readCount(in);
    Map<String, String> env = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      String k = Wire.readString(in);
      String v = Wire.readString(in);
      if (forwarded(k)) {
        env.put(k, v);
      }
    }
    return new Request(args, env, Wire.readString(in), Wire.readString(in), in.readBoolean(), Wire.readString(in),
        Wire.readBytes(in, MAX_STDIN), Wire.readString(in));
  }
}
