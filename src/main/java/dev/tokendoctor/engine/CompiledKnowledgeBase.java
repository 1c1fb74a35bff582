package dev.tokendoctor.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import dev.tokendoctor.diagnosis.RuleMetadata;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A knowledge base in its compiled form, as bytes: the compiled rule packages (Drools' own serialization, which
 * holds the generated classes, so reading them back needs no compiler) behind a header that names the
 * {@link KnowledgeBaseKey} they were compiled under and a CRC-32C of the packages. Reading checks all of it,
 * so a truncated, corrupt, foreign or stale file is refused instead of half-loaded. (A checksum, not a digest:
 * it guards against damage, and the JVM computes it natively, where SHA-256 of a large knowledge base costs a
 * measurable part of a C1-only start-up.)
 *
 * <p>Layout: {@code "TDKB"}, format (int), key (UTF), packages length (int), packages CRC-32C (long), packages.
 */
final class CompiledKnowledgeBase {
  private static final byte[] MAGIC = {'T', 'D', 'K', 'B'};

  private CompiledKnowledgeBase() {}

  /** The bytes of {@code kb} compiled under {@code key}. */
  static byte[] write(KnowledgeBaseKey key, KnowledgeBase kb) throws IOException {
    return write(key, kb.kieBase().getKiePackages());
  }

  /** The bytes of compiled {@code packages} under {@code key}. */
  static byte[] write(KnowledgeBaseKey key, Collection<KiePackage> compiled) throws IOException {
    ByteArrayOutputStream packages = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream out = new DroolsObjectOutputStream(packages)) {
      out.writeObject(new ArrayList<>(compiled));
    }
    byte[] payload = packages.toByteArray();
    ByteArrayOutputStream file = new ByteArrayOutputStream(payload.length + 128);
    try (DataOutputStream out = new DataOutputStream(file)) {
      out.write(MAGIC);
      out.writeInt(KnowledgeBaseKey.FORMAT);
      out.writeUTF(key.hex());
      out.writeInt(payload.length);
      out.writeLong(crc(payload));
      out.write(payload);
    }
    return file.toByteArray();
  }

  /**
   * Reads back a knowledge base for {@code source}, or explains why not. The rule metadata and the tables are
   * taken from {@code source} the same way a fresh compile takes them.
   *
   * @throws Unusable when the bytes are not a sound compiled base for {@code key}; callers compile instead
   */
  static KnowledgeBase read(byte[] bytes, KnowledgeBaseKey key, RuleSource source) throws Unusable {
    return assemble(readPackages(bytes, key), source);
  }

  /** The compiled packages in {@code bytes}, checked against {@code key}. */
  static Collection<KiePackage> readPackages(byte[] bytes, KnowledgeBaseKey key) throws Unusable {
    return packages(payload(bytes, key));
  }

  /** A knowledge base of compiled {@code packages}, described from {@code source} as a fresh compile would be. */
  static KnowledgeBase assemble(Collection<KiePackage> packages, RuleSource source) throws Unusable {
    InternalKnowledgeBase kieBase;
    try {
      kieBase = KnowledgeBaseLoader.newKieBase(packages);
    } catch (RuntimeException | LinkageError e) {
      throw new Unusable("the compiled rules do not link: " + e);
    }
    return describe(kieBase, source);
  }

  private static KnowledgeBase describe(InternalKnowledgeBase kieBase, RuleSource source) throws Unusable {
    List<RuleProblem> problems = new ArrayList<>();
    List<Object> tables = Tables.load(source.tableFiles(), problems);
    KnowledgeBase kb = KnowledgeBaseLoader.describe(source, kieBase, tables, problems);
    if (problems.stream().anyMatch(RuleProblem::error)) {
      // Cannot happen for a right key (only sound bases are written); let a fresh compile report it.
      throw new Unusable("the compiled rules have problems");
    }
    return kb;
  }

  /**
   * The knowledge base {@code batch} runs: {@code full} without what its rows never show (issue 16). Without the
   * {@code .check} rules ({@code @kind("check")}: about a quarter of a diagnosis, firing on every ticket), and
   * without the rules that only support a finding with evidence ({@link SupportingRules}: a third of the cause
   * rules). The compiled packages are copied through their serialized form (as the cache reads them, so no DRL
   * is compiled) and those rules taken out before the copy is wired into a rule base: nothing of them is left
   * in the network.
   */
  static KnowledgeBase forRows(KnowledgeBase full, KnowledgeBaseKey key) throws Unusable {
    Set<String> supporting = SupportingRules.of(full.source());
    InternalKnowledgeBase kieBase;
    try {
      InternalKnowledgeBase copy = KnowledgeBaseLoader.newKieBase(readPackages(write(key, full), key));
      // Taken out of a rule base, not the packages: a package read back wires its consequences only when a rule
      // base takes it.
      for (KiePackage pkg : List.copyOf(copy.getKiePackages())) {
        for (Rule rule : List.copyOf(pkg.getRules())) {
          if (RuleMetadata.of(rule).check() || supporting.contains(rule.getName())) {
            copy.removeRule(pkg.getName(), rule.getName());
          }
        }
      }
      // Then the packages that are left are copied once more into a new rule base, whose network is built from
      // them alone: after many removals, Drools 10.2's network keeps stale segment prototypes (a session then
      // fails with ArrayIndexOutOfBoundsException in SegmentMemorySupportImpl.initializePathMemory).
      kieBase = KnowledgeBaseLoader.newKieBase(readPackages(write(key, copy.getKiePackages()), key));
    } catch (IOException e) {
      throw new Unusable("the compiled rules do not serialize: " + e);
    } catch (RuntimeException | LinkageError e) {
      throw new Unusable("the compiled rules do not link: " + e);
    }
    return describe(kieBase, full.source());
  }

  /** Whether the stream starts with the header of a base compiled under {@code key}; reads only the header. */
  static boolean compiledUnder(InputStream stream, KnowledgeBaseKey key) {
    try {
      DataInputStream in = new DataInputStream(stream);
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) && in.readInt() == KnowledgeBaseKey.FORMAT
          && in.readUTF().equals(key.hex());
    } catch (IOException e) {
      return false;
    }
  }

  /** Checks the header and the checksum; returns the packages' bytes. */
  static byte[] payload(byte[] bytes, KnowledgeBaseKey key) throws Unusable {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new Unusable("not a compiled knowledge base");
      }
      int format = in.readInt();
      if (format != KnowledgeBaseKey.FORMAT) {
        throw new Unusable("format " + format + ", expected " + KnowledgeBaseKey.FORMAT);
      }
      String storedKey = in.readUTF();
      if (!storedKey.equals(key.hex())) {
        throw new Unusable("compiled from other rules or by another build");
      }
      int length = in.readInt();
      long checksum = in.readLong();
      if (length < 0 || length != in.available()) {
        throw new Unusable("truncated or padded");
      }
      byte[] payload = in.readNBytes(length);
      if (checksum != crc(payload)) {
        throw new Unusable("checksum mismatch");
      }
      return payload;
    } catch (IOException e) {
      throw new Unusable("unreadable header: " + e);
    }
  }

  static long crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }

  @SuppressWarnings("unchecked")
  private static Collection<KiePackage> packages(byte[] payload) throws Unusable {
    try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
        CompiledKnowledgeBase.class.getClassLoader())) {
      return (Collection<KiePackage>) in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      throw new Unusable("the compiled rules do not deserialize: " + e);
    }
  }

  /** Why compiled bytes cannot stand in for a compile. Never shown as an error: the rules are compiled instead. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }
  }
}
