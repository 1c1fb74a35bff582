package dev.tokendoctor.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child process in a process group of its own, ended with everything it started. A {@code credential_process}
 * may put children in the background (a token refresher, a browser helper); once it exits they belong to init,
 * out of reach of {@link Process#descendants()}, but still in its group. The group is made with {@code setsid}
 * (util-linux) or, where that is missing (macOS), with perl's {@code setpgrp}; a Java child is never a group
 * leader, so either makes the child's pid its group id. Without both, only the descendants still attached are
 * ended. In a session of its own the process has no terminal to prompt on (it could not answer a prompt within
 * the time limit anyway), and Ctrl-C on the tool does not reach it: a shutdown hook ends the groups still
 * running when the tool is interrupted.
 */
final class ProcessGroup {
  private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final List<Path> PERL = List.of(Path.of("/usr/bin/perl"), Path.of("/bin/perl"));

  private static final Set<ProcessGroup> RUNNING = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private final Process process;
  private final boolean own;

  private ProcessGroup(Process process, boolean own) {
    this.process = process;
    this.own = own;
  }

  /** Starts {@code pb}'s command as the leader of a new process group. */
  static ProcessGroup start(ProcessBuilder pb) throws IOException {
    List<String> command = new ArrayList<>();
    Path setsid = first(SETSID);
    Path perl = setsid == null ? first(PERL) : null;
    if (setsid != null) {
      command.add(setsid.toString());
    } else if (perl != null) {
      command.addAll(List.of(perl.toString(), "-e", "setpgrp(0, 0); exec { $ARGV[0] } @ARGV or exit 127;"));
    }
    command.addAll(pb.command());
    pb.command(command);
    if (HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ProcessGroup::end), "tokendoctor-process-groups"));
    }
    ProcessGroup group = new ProcessGroup(pb.start(), setsid != null || perl != null);
    RUNNING.add(group);
    return group;
  }

  Process process() {
    return process;
  }

  /**
   * Ends every process of the group (and the descendants still attached, for a child that left it), the
   * leader last. Only what this collector started: the group is the leader's pid, which Linux does not hand out
   * again while the group has members.
   */
  void end() {
    if (own) {
      try {
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -KILL -" + process.pid() + " 2>/dev/null")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        kill.waitFor(2, TimeUnit.SECONDS);
      } catch (IOException e) {
        // no shell to signal with: the descendants below are what can still be ended
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    RUNNING.remove(this);
  }

  private static Path first(List<Path> candidates) {
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }
}
