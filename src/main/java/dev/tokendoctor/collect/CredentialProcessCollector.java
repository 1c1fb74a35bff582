package dev.tokendoctor.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.collect.ProfileViews.Setting;
import dev.tokendoctor.facts.CredentialProcessResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the selected profiles' {@code credential_process} the way the AWS SDK for Java does ({@code sh -c}), with
 * the machine's environment, no input and a time limit, in a process group of its own that is ended with it
 * (nothing it started outlives the collection), and keeps only the shape of what it printed. The
 * output itself (it holds the secret) stays in memory for the STS probes and is never written.
 */
final class CredentialProcessCollector {
  private static final int MAX_OUTPUT = 64 * 1024;
  private final ObjectMapper json = new ObjectMapper();

  void collect(Collection c) {
    ProfileViews views = new ProfileViews(c);
    Set<String> profiles = new LinkedHashSet<>();
    for (String client : Clients.ALL) {
      profiles.add(Selection.of(client, c.request, c.machine).name());
    }
    int ran = 0;
    for (String profile : profiles) {
      Setting s = views.botocoreMerged(profile).get("credential_process");
      if (s == null) {
        Setting j = views.java(profile, "credential_process");
        s = j;
      }
      if (s == null || s.value().isBlank()) {
        continue;
      }
      if (c.request.offline()) {
        c.ran("credential-process", "skipped", "--offline: credential_process of profile '" + profile + "' not run (it usually reaches the network)");
        return;
      }
      c.secrets.remember(s.value());
      run(c, profile, s);
      ran++;
    }
    c.ran("credential-process", "ok", ran == 0 ? "no selected profile has a credential_process" : null);
  }

  private void run(Collection c, String profile, Setting s) {
    String command = s.value();
    String program = program(command);
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
    pb.environment().clear();
    pb.environment().putAll(c.machine.env());
    pb.directory(c.machine.workingDir().toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    ProcessGroup group;
    try {
      group = ProcessGroup.start(pb);
    } catch (IOException e) {
      c.processes.add(new CredentialProcessResult(profile, s.origin(), program, null, false, null, null, null, null, null, null, null));
      return;
    }
    Process p = group.process();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(p.getInputStream(), out), "credential-process-output");
    reader.setDaemon(true);
    reader.start();
    boolean finished;
    try {
      finished = p.waitFor(c.request.limits().process().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    // Whatever it left running in the background ends with it, finished or not (and the output pipe they hold
    // closes, so the reader below is not kept waiting).
    group.end();
    if (!finished) {
      c.processes.add(new CredentialProcessResult(profile, s.origin(), program, null, true, null, null, null, null, null, null, null));
      return;
    }
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes;
    synchronized (out) {
      bytes = out.toByteArray();
    }
    String stdout = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    c.secrets.remember(stdout.strip());
    Integer exit = p.exitValue();
    JsonNode n = null;
    try {
      JsonNode parsed = json.readTree(stdout);
      n = parsed != null && parsed.isObject() ? parsed : null;
    } catch (IOException e) {
      n = null;
    }
    if (n == null) {
      c.processes.add(new CredentialProcessResult(profile, s.origin(), program, exit, false, false, null, null, null, null, null, null));
      return;
    }
    String ak = CacheCollector.text(n, "AccessKeyId");
    String sk = CacheCollector.text(n, "SecretAccessKey");
    String tok = CacheCollector.text(n, "SessionToken");
    c.secrets.remember(sk);
    c.secrets.remember(tok);
    JsonNode version = n.get("Version");
    String expiration = CacheCollector.text(n, "Expiration");
    c.processes.add(new CredentialProcessResult(profile, s.origin(), program, exit, false, true,
        version != null && version.isInt() && version.asInt() == 1,
        ak != null && !ak.isBlank(), sk != null && !sk.isBlank(), tok != null && !tok.isBlank(),
        Dates.parse(expiration), ak == null ? null : c.descriptors.keyId(ak)));
    if (ak != null && sk != null) {
      c.processMaterial.put(profile, new Material(ak, sk, tok));
    }
    if (expiration != null) {
      c.processExpirations.put(profile, expiration);
    }
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[4096];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          if (out.size() + n <= MAX_OUTPUT) {
            out.write(buf, 0, n);
          }
        }
      }
    } catch (IOException ignored) {
      // the process went away; what was read is what there is
    }
  }

  /** The program's file name only: arguments may carry secrets. */
  static String program(String command) {
    String s = command.strip();
    String first;
    if (s.startsWith("\"") || s.startsWith("'")) {
      int end = s.indexOf(s.charAt(0), 1);
      first = end > 0 ? s.substring(1, end) : s.substring(1);
    } else {
      first = s.split("\\s+", 2)[0];
    }
    int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
    return slash >= 0 ? first.substring(slash + 1) : first;
  }
}
