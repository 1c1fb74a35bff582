package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CredentialProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code credential_process} runs in a process group of its own, and the whole group ends with it: children it
 * put in the background (a token refresher, a browser helper, a forgotten {@code sleep}) do not outlive the
 * collection, whether the process finished or hit its time limit. Real scripts, real processes.
 */
class CredentialProcessGroupTest {
  /** Nothing listens there: the STS probes end at once. */
  private static final java.net.URI NOWHERE = java.net.URI.create("http://127.0.0.1:9");

  @TempDir Path home;
  private final List<Long> started = new ArrayList<>();

  @AfterEach
  void endWhatTheTestStarted() {
    // Only what these scripts started, by pid, should an assertion have failed with them still running.
    started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  @Timeout(60)
  void backgroundedChildrenEndWhenTheProcessFinishes() throws Exception {
    Workstation w = new Workstation(home);
    Path pids = home.resolve("pids");
    Path script = w.script("creds", "sleep 300 >/dev/null 2>&1 &\necho $! >> " + pids + "\n"
        + "(sleep 300 & echo $! >> " + pids + "; wait) >/dev/null 2>&1 &\n"
        + "echo '{\"Version\": 1, \"AccessKeyId\": \"" + GOOD + "\", \"SecretAccessKey\": \"" + GOOD_SECRET + "\"}'");
    w.config("[profile proc]\nregion = us-east-1\ncredential_process = " + script + "\n").env("AWS_PROFILE", "proc");
    FactBundle b = w.collect(Keys.at(NOWHERE));
    CredentialProcessResult r = b.credentialProcesses().get(0);
    assertThat(r.exitCode()).isZero();
    assertThat(r.timedOut()).isFalse();
    assertGone(pids, 2);
  }

  @Test
  @Timeout(60)
  void theWholeGroupEndsAtTheTimeLimit() throws Exception {
    Workstation w = new Workstation(home);
    Path pids = home.resolve("pids");
    // The subshell exits at once: its sleeper is nobody's descendant any more, only a member of the group.
    Path script = w.script("slow", "(sleep 300 >/dev/null 2>&1 & echo $! >> " + pids + ")\necho $$ >> " + pids + "\nsleep 300");
    w.config("[profile proc]\nregion = us-east-1\ncredential_process = " + script + "\n").env("AWS_PROFILE", "proc");
    var limits = new CollectRequest.Limits(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500));
    FactBundle b = w.collect(new CollectRequest(null, null, null, null, false, NOWHERE, null, null, null, null, limits));
    assertThat(b.credentialProcesses().get(0).timedOut()).isTrue();
    assertGone(pids, 2);
  }

  private void assertGone(Path pids, int expected) throws Exception {
    List<Long> list = Files.readAllLines(pids).stream().map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
    started.addAll(list);
    assertThat(list).hasSize(expected);
    for (long pid : list) {
      // Killed children are reaped by init (or stay as zombies where nothing reaps them): neither runs.
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (running(pid) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(running(pid)).as("process %d left behind by the credential_process", pid).isFalse();
    }
  }

  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (Files.exists(stat)) {
      String s = Files.readString(stat);
      char state = s.charAt(s.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
