package dev.tokendoctor.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a file named on the command line is, before it is opened: opening a FIFO blocks until someone writes to
 * it, and a device such as {@code /dev/zero} never ends. Bundles are read from regular files, from standard input
 * ({@code -}), and from descriptors the shell already opened for this command ({@code /dev/stdin},
 * {@code /dev/fd/N} from {@code <(...)}): those have a writer, and what is read from them is capped.
 */
public final class InputFiles {
  /** Paths that name this process's own open descriptors. */
  private static final Pattern DESCRIPTOR = Pattern.compile("/dev/(?:stdin|fd/\\d+)|/proc/(?:self|thread-self|\\d+)/fd/\\d+");

  private InputFiles() {}

  /** Whether {@code p} (absolute) names one of the process's open descriptors. */
  public static boolean isDescriptor(Path p) {
    return DESCRIPTOR.matcher(p.normalize().toString()).matches();
  }

  /** Whether {@code arg}, as given on a command line run in {@code workingDir}, names an open descriptor. */
  public static boolean isDescriptor(String arg, Path workingDir) {
    return !arg.isEmpty() && !arg.startsWith("-") && isDescriptor(workingDir.resolve(arg));
  }

  /** What kind of file {@code p} is when it is not a regular file or a folder: "a FIFO", "a device"...; else null. */
  public static String oddKind(Path p) {
    if (Files.isRegularFile(p) || Files.isDirectory(p) || !Files.exists(p)) {
      return null;
    }
    try {
      int mode = (Integer) Files.getAttribute(p, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "not a regular file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "not a regular file";
    }
  }

  /** The one line for a bundle that is {@code kind}, named {@code name}. */
  public static String refusal(String name, String kind) {
    return name + ": " + kind + ", not a bundle file; give a file, or - to read standard input";
  }
}
