package dev.tokendoctor.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendoctor.facts.Clock;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.CredentialExpiry;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import dev.tokendoctor.facts.ProfileSelection;
import dev.tokendoctor.facts.RegionSetting;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.StsProbe;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members without which a fact means nothing, and which the rules therefore take for granted: a property
 * without its key, an STS probe without its outcome, a clock without its time. A bundle that leaves one out (or
 * sets it to null), or puts null in a list, is refused with the member's JSON path, rather than reaching a rule
 * that fails on it. Every other member may be absent: unknown is not false. {@code BundleFuzzTest} finds a member
 * missing from this table (it mutates every member of every sample and diagnoses what is accepted).
 */
final class RequiredFields {
  /**
   * A required member.
   *
   * @param name the member
   * @param when required only when this member is true, or (not a boolean) present ({@code null}: always)
   */
  record Required(String name, String when) {
    static Required always(String name) {
      return new Required(name, null);
    }
  }

  private static final Map<Class<?>, List<Required>> REQUIRED = Map.ofEntries(
      // Which collectors ran decides the verdict (FactCoverage): a run without a name or status says nothing.
      Map.entry(CollectorRun.class, List.of(Required.always("name"), Required.always("status"))),
      Map.entry(Clock.class, List.of(Required.always("localTime"))),
      Map.entry(EnvVar.class, List.of(Required.always("name"), Required.always("value"))),
      Map.entry(ProfileSection.class, List.of(Required.always("file"), Required.always("path"), Required.always("header"))),
      Map.entry(ProfileProperty.class, List.of(Required.always("file"), Required.always("path"), Required.always("key"),
          Required.always("value"))),
      Map.entry(ProfileSelection.class, List.of(Required.always("source"))),
      // Credentials from a role, SSO or a process are found without a key id known before the call; a key read
      // from somewhere (keyIdOrigin) has one.
      Map.entry(ResolvedCredentials.class, List.of(new Required("provider", "found"), new Required("keyId", "keyIdOrigin"))),
      Map.entry(CredentialExpiry.class, List.of(Required.always("origin"))),
      Map.entry(RegionSetting.class, List.of(Required.always("client"), Required.always("origin"))),
      Map.entry(EndpointSetting.class, List.of(Required.always("url"), Required.always("origin"))),
      Map.entry(StsProbe.class, List.of(Required.always("outcome"), Required.always("signingRegion"))));

  private static final Map<Class<?>, Map<String, Type>> FIELDS = new ConcurrentHashMap<>();

  private RequiredFields() {}

  /** The first null in a list of {@code node}, read as a {@code type}, with its JSON path. */
  static Optional<String> firstNullInList(JsonNode node, Class<?> type) {
    return firstProblem(node, type, "$", false);
  }

  /** The first problem of {@code node} (a null in a list, a required member missing), with its JSON path. */
  static Optional<String> firstProblem(JsonNode node, Class<?> type) {
    return firstProblem(node, type, "$", true);
  }

  private static Optional<String> firstProblem(JsonNode node, Class<?> type, String path, boolean members) {
    if (node == null || !node.isObject() || !type.isRecord()) {
      return Optional.empty();
    }
    for (Required r : members ? REQUIRED.getOrDefault(type, List.of()) : List.<Required>of()) {
      JsonNode v = node.get(r.name());
      JsonNode when = r.when() == null ? null : node.get(r.when());
      boolean applies = r.when() == null
          || when != null && !when.isNull() && (!when.isBoolean() || when.booleanValue());
      if (applies && (v == null || v.isNull())) {
        return Optional.of(path + "." + r.name() + ": missing; every " + noun(type)
            + (r.when() == null ? "" : when.isBoolean() ? " with " + r.when() + " true" : " with a " + r.when())
            + " needs it");
      }
    }
    Map<String, Type> fields = FIELDS.computeIfAbsent(type, RequiredFields::fieldsOf);
    for (Map.Entry<String, Type> f : fields.entrySet()) {
      JsonNode v = node.get(f.getKey());
      if (v != null) {
        Optional<String> p = walk(v, f.getValue(), path + "." + f.getKey(), members);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> walk(JsonNode value, Type t, String path, boolean members) {
    if (t instanceof Class<?> c) {
      return firstProblem(value, c, path, members);
    }
    if (t instanceof ParameterizedType pt && pt.getRawType() == List.class && value.isArray()) {
      Type element = pt.getActualTypeArguments()[0];
      for (int i = 0; i < value.size(); i++) {
        String at = path + "[" + i + "]";
        if (value.get(i).isNull()) {
          return Optional.of(at + ": null in a list; expected " + (element == String.class ? "a string" : "an object"));
        }
        Optional<String> p = walk(value.get(i), element, at, members);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  /** "STS probe" for StsProbe: the record's name in words. */
  private static String noun(Class<?> type) {
    return type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT)
        .replace("sts ", "STS ").replace("env var", "environment variable");
  }

  private static Map<String, Type> fieldsOf(Class<?> type) {
    Map<String, Type> m = new java.util.LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      m.put(c.getName(), c.getGenericType());
    }
    return m;
  }
}
