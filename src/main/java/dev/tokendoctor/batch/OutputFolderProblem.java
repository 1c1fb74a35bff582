package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What went wrong writing a batch run's output folder, in one line: which file, why (no permission, a read-only
 * file system, a full disk), and how to go on. The results written up to the last checkpoint are whole, so a run
 * that had started continues with {@code --resume} once the folder can be written again.
 */
final class OutputFolderProblem {
  private OutputFolderProblem() {}

  static BatchException of(Path outDir, IOException e, ObjectMapper mapper) {
    String reason = reason(e);
    boolean full = reason.contains("no space left") || reason.contains("quota");
    String file = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : outDir.toString();
    String what = full ? "the disk is full" : reason;
    return new BatchException(file + ": cannot write the results: " + what + "; " + (full ? "free some space" :
        "make " + outDir + " writable or choose another --out") + ", then " + howToGoOn(outDir, mapper), full);
  }

  private static String howToGoOn(Path outDir, ObjectMapper mapper) {
    try {
      Checkpoint cp = Checkpoint.read(outDir, mapper);
      if (cp != null && !cp.complete() && cp.done() > 0) {
        return "run the same command with --resume to continue after the " + cp.done() + " tickets done";
      }
    } catch (IOException | RuntimeException ignored) {
      // no usable checkpoint: start again
    }
    return "run the same command again";
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String r = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
    if (r == null || r.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return r.lines().findFirst().orElse(r).strip().toLowerCase(Locale.ROOT);
  }
}
