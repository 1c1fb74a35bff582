package dev.tokendoctor.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact was read: an environment variable, a line of a shared file, a cache file, a probe, a ticket line.
 * Rules and code ask it questions ({@code fromEnvironment}, {@code variable}, {@code inCache}, {@code profile},
 * {@code kind == Origin.Kind.ENV}) instead of taking a shown text apart again.
 *
 * <p>People see its text ({@code env AWS_SESSION_TOKEN}, {@code ~/.aws/credentials:12 [dev] aws_access_key_id}):
 * evidence and reports show it, bundles hold it (a JSON string), and {@code Origin.parse} reads it back, so
 * bundles written before this record existed load unchanged. Two origins are equal when they show the same text:
 * the same place, however it was built.
 *
 * @param kind what sort of place: {@code ENV} (a variable), {@code PROFILE_PROPERTY} (a {@code key = value} line),
 *     {@code PROFILE_SECTION} (a section header), {@code FILE} (a shared file or one of its lines),
 *     {@code CACHE_FILE} (a CLI, SSO or login cache file), {@code CREDENTIAL_PROCESS} (what a process printed),
 *     {@code STS_PROBE}, {@code CLOCK}, {@code OPTION} (this tool's option), {@code DEFAULT}, {@code NOT_SET},
 *     {@code TICKET}, {@code TICKET_LINE}, {@code OTHER}; a rule tests it as {@code kind == Origin.Kind.ENV}
 * @param name the variable name for a variable ({@code AWS_PROFILE}), the key of a property line, the field of a
 *     cache file ({@code Expiration}) or of a process's output ({@code AccessKeyId}), the option
 *     ({@code --verify-with}), the probe's outcome, a ticket line's note; the whole text for the other kinds
 * @param file the file as shown to people, for the kinds read from a file
 * @param line the 1-based line, when known
 * @param section the profile (or section header) a file line belongs to; the option's value for {@code OPTION}
 */
public record Origin(Kind kind, String name, String file, Integer line, String section) implements Comparable<Origin> {

  /** Every origin has a kind: a bundle that writes one as a JSON object instead of its text is refused here. */
  public Origin {
    if (kind == null) {
      throw new IllegalArgumentException("expected the origin as text, such as \"env AWS_PROFILE\"");
    }
  }

  private static final String PROCESS_OUTPUT = " credential_process (process output ";
  private static final Pattern ENV_TEXT = Pattern.compile("env (\\S+)");
  private static final Pattern TICKET_PROPERTY = Pattern.compile("ticket line (\\d{1,9}) \\[([^\\]]*)\\](?: (\\S+))?");
  private static final Pattern TICKET_NOTE = Pattern.compile("ticket line (\\d{1,9})(?: \\((.*)\\))?", Pattern.DOTALL);
  private static final Pattern PROCESS = Pattern.compile("(.+):(\\d{1,9}) \\[([^\\]]*)\\] credential_process \\(process output (\\S+)\\)");
  private static final Pattern PROPERTY = Pattern.compile("(.+):(\\d{1,9}) \\[([^\\]]*)\\] (\\S+)");
  private static final Pattern SECTION = Pattern.compile("(.+):(\\d{1,9}) \\[([^\\]]*)\\]");
  private static final Pattern CACHE = Pattern.compile("(.*[/\\\\]cache[/\\\\][^/\\\\ ]+)(?: (\\S+))?");
  /** A whole file, as FileAnomaly shows one: a home-relative, absolute or drive path. */
  private static final Pattern BARE_PATH = Pattern.compile("(~[/\\\\]|/|[A-Za-z]:\\\\).*");
  private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d{1,9})");
  private static final Pattern HOLDER_ENV = Pattern.compile("^env .*");
  private static final Pattern HOLDER_SECTION = Pattern.compile("^.*(\\[[^\\]]*\\]).*$");
  private static final Pattern HOLDER_LAST_WORD = Pattern.compile(" [^ \\[]+$");
  private static final Pattern OPTION_TEXT = Pattern.compile("(--[a-z-]+)(?: (.+))?");

  // ---- building -------------------------------------------------------------------------------------------------

  /** The environment variable {@code name}. */
  public static Origin env(String name) {
    return new Origin(Kind.ENV, name, null, null, null);
  }

  /** The line {@code line} of shared file {@code file}, {@code key} in section {@code section}; a pasted line for a ticket. */
  public static Origin property(String file, int line, String section, String key) {
    return "ticket".equals(file) ? new Origin(Kind.TICKET_LINE, key, null, line, section == null ? "" : section)
        : new Origin(Kind.PROFILE_PROPERTY, key, file, line, section);
  }

  /** The section header {@code [header]} at line {@code line} of {@code file}; a pasted line for a ticket. */
  public static Origin section(String file, int line, String header) {
    return "ticket".equals(file) ? new Origin(Kind.TICKET_LINE, null, null, line, header == null ? "" : header)
        : new Origin(Kind.PROFILE_SECTION, null, file, line, header);
  }

  /** The shared file {@code file}, at line {@code line} when it is above 0; a pasted line for a ticket. */
  public static Origin file(String file, int line) {
    if ("ticket".equals(file) && line > 0) {
      return ticketLine(line);
    }
    return new Origin(Kind.FILE, null, file, line > 0 ? line : null, null);
  }

  /** The cache file {@code file}, its field {@code field} when not {@code null}. */
  public static Origin cache(String file, String field) {
    return new Origin(Kind.CACHE_FILE, field, file, null, null);
  }

  /** An STS call, shown as {@code STS <what>}. */
  public static Origin stsProbe(String what) {
    return new Origin(Kind.STS_PROBE, what, null, null, null);
  }

  /** This tool's option {@code option}, with its value when it has one ({@code --verify-with ops}). */
  public static Origin option(String option, String value) {
    return new Origin(Kind.OPTION, option, null, null, value);
  }

  /** A client's default: nothing configured. */
  public static Origin byDefault() {
    return new Origin(Kind.DEFAULT, "default", null, null, null);
  }

  /** Nothing sets the value ({@code none}). */
  public static Origin notSet() {
    return new Origin(Kind.NOT_SET, "none", null, null, null);
  }

  /** The machine's clock. */
  public static Origin clock() {
    return new Origin(Kind.CLOCK, "clock", null, null, null);
  }

  /** The ticket as a whole. */
  public static Origin ticket() {
    return new Origin(Kind.TICKET, "ticket", null, null, null);
  }

  /** Line {@code n} of the ticket. */
  public static Origin ticketLine(int n) {
    return new Origin(Kind.TICKET_LINE, null, null, n, null);
  }

  /** Line {@code n} of the ticket, with a note on what it shows ({@code ticket line 4 (env AWS_REGION)}). */
  public static Origin ticketLine(int n, String note) {
    return new Origin(Kind.TICKET_LINE, note, null, n, null);
  }

  /** This ticket line with another note ({@code note}), or the note added to a bare line. */
  public Origin withNote(String note) {
    return kind == Kind.TICKET_LINE && section == null ? ticketLine(line, note) : this;
  }

  /** What the {@code credential_process} this property names printed as {@code field}. */
  public Origin processOutput(String field) {
    return new Origin(Kind.CREDENTIAL_PROCESS, field, file, line, section);
  }

  /** A client's credential chain, where what the chain itself says is shown: {@code cli-v2 credential chain}. */
  public static Origin credentialChain(String client) {
    return other(client + " credential chain");
  }

  /** Any other text, kept as written. */
  public static Origin other(String text) {
    return new Origin(Kind.OTHER, text, null, null, null);
  }

  /**
   * Reads a display form back ({@code env AWS_PROFILE}, {@code ~/.aws/credentials:3 [dev] aws_access_key_id}...):
   * bundles hold origins as text. Text of no known shape is kept whole ({@link Kind#OTHER}); whatever is read
   * shows the same text again. {@code null} for {@code null}.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Origin parse(String text) {
    if (text == null) {
      return null;
    }
    Origin o = recognise(text);
    return o != null && text.equals(o.toString()) ? o : other(text);
  }

  /** {@code origin} as an {@code Origin}: itself, or its text {@linkplain #parse read}. */
  public static Origin of(Object origin) {
    return origin == null ? null : origin instanceof Origin o ? o : parse(origin.toString());
  }

  private static Origin recognise(String t) {
    Matcher m;
    if ((m = ENV_TEXT.matcher(t)).matches()) {
      return env(m.group(1));
    }
    switch (t) {
      case "default":
        return byDefault();
      case "none":
        return notSet();
      case "clock":
        return clock();
      case "ticket":
        return ticket();
      default:
        break;
    }
    if (t.startsWith("ticket line ")) {
      if ((m = TICKET_PROPERTY.matcher(t)).matches()) {
        return new Origin(Kind.TICKET_LINE, m.group(3), null, Integer.valueOf(m.group(1)), m.group(2));
      }
      if ((m = TICKET_NOTE.matcher(t)).matches()) {
        return new Origin(Kind.TICKET_LINE, m.group(2), null, Integer.valueOf(m.group(1)), null);
      }
      return null;
    }
    if (t.startsWith("STS ")) {
      return stsProbe(t.substring(4));
    }
    if (t.startsWith("--") && (m = OPTION_TEXT.matcher(t)).matches()) {
      return option(m.group(1), m.group(2));
    }
    if ((m = PROCESS.matcher(t)).matches()) {
      return new Origin(Kind.CREDENTIAL_PROCESS, m.group(4), m.group(1), Integer.valueOf(m.group(2)), m.group(3));
    }
    if ((m = PROPERTY.matcher(t)).matches()) {
      return new Origin(Kind.PROFILE_PROPERTY, m.group(4), m.group(1), Integer.valueOf(m.group(2)), m.group(3));
    }
    if ((m = SECTION.matcher(t)).matches()) {
      return new Origin(Kind.PROFILE_SECTION, null, m.group(1), Integer.valueOf(m.group(2)), m.group(3));
    }
    if ((m = CACHE.matcher(t)).matches()) {
      return cache(m.group(1), m.group(2));
    }
    if ((m = FILE_LINE.matcher(t)).matches()) {
      return new Origin(Kind.FILE, null, m.group(1), Integer.valueOf(m.group(2)), null);
    }
    if (BARE_PATH.matcher(t).matches()) {
      return new Origin(Kind.FILE, null, t, null, null);
    }
    return null;
  }

  // ---- asking -----------------------------------------------------------------------------------------------------

  /** It is an environment variable. */
  public boolean fromEnvironment() {
    return kind == Kind.ENV;
  }

  /** The environment variable's name ({@code AWS_PROFILE}), or {@code null} when this is no variable. */
  public String variable() {
    return kind == Kind.ENV ? name : null;
  }

  /** It is the environment variable {@code variable}. */
  public boolean isVariable(String variable) {
    return kind == Kind.ENV && name.equals(variable);
  }

  /** It is a CLI, SSO or login cache file (or a field of one). */
  public boolean inCache() {
    return kind == Kind.CACHE_FILE;
  }

  /** The cache file, or {@code null} when this is no cache file. */
  public String cacheFile() {
    return kind == Kind.CACHE_FILE ? file : null;
  }

  /** It is a line of a shared file ({@code ~/.aws/credentials}, {@code ~/.aws/config}) on this machine. */
  public boolean inSharedFile() {
    return kind == Kind.PROFILE_PROPERTY || kind == Kind.PROFILE_SECTION || kind == Kind.FILE;
  }

  /** It was read from a ticket's text. */
  public boolean fromTicket() {
    return kind == Kind.TICKET || kind == Kind.TICKET_LINE;
  }

  /** It is what a {@code credential_process} printed. */
  public boolean fromProcess() {
    return kind == Kind.CREDENTIAL_PROCESS;
  }

  /** It is the property {@code key} of a shared file (or a ticket's pasted file). */
  public boolean isProperty(String key) {
    return (kind == Kind.PROFILE_PROPERTY || kind == Kind.TICKET_LINE && section != null) && key.equals(name);
  }

  /**
   * The profile a shared-file line belongs to ({@code dev} for {@code [dev]} and {@code [profile dev]}), or
   * {@code null} when this is no such line.
   */
  public String profile() {
    if (section == null || kind == Kind.OPTION) {
      return null;
    }
    return section.startsWith("profile ") ? section.substring("profile ".length()).strip() : section;
  }

  /**
   * What holds the value, for "were two values read from the same place": {@code env} for any variable, the
   * section ({@code [dev]}) for a shared-file line, the file for a cache field ({@code ~/.aws/cli/cache/ab.json}),
   * else the text without its last word.
   */
  public String holder() {
    return HOLDER_LAST_WORD.matcher(HOLDER_SECTION.matcher(HOLDER_ENV.matcher(toString()).replaceAll("env")).replaceAll("$1"))
        .replaceAll("");
  }

  /**
   * The kind of place in one word, as derived facts name it: {@code env} for a variable, {@code cache} for a
   * cache file, else {@code profile} (a shared file, a process, a ticket line).
   */
  public String place() {
    return kind == Kind.ENV ? "env" : kind == Kind.CACHE_FILE ? "cache" : "profile";
  }

  /** As shown to people and written in bundles: {@code env AWS_SESSION_TOKEN}, {@code ~/.aws/config:4 [dev] region}. */
  @JsonValue
  @Override
  public String toString() {
    return switch (kind) {
      case ENV -> "env " + name;
      case PROFILE_PROPERTY -> file + ":" + line + " [" + section + "] " + name;
      case PROFILE_SECTION -> file + ":" + line + " [" + section + "]";
      case FILE -> line == null ? file : file + ":" + line;
      case CACHE_FILE -> name == null ? file : file + " " + name;
      case CREDENTIAL_PROCESS -> file + ":" + line + " [" + section + "]" + PROCESS_OUTPUT + name + ")";
      case STS_PROBE -> "STS " + name;
      case OPTION -> section == null ? name : name + " " + section;
      case TICKET_LINE -> section != null ? "ticket line " + line + " [" + section + "]" + (name == null ? "" : " " + name)
          : "ticket line " + line + (name == null ? "" : " (" + name + ")");
      case CLOCK, DEFAULT, NOT_SET, TICKET, OTHER -> name;
    };
  }

  /** The same place: the same text shown (however the origin was built). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Ordered by the text shown, as origins were sorted when they were text. */
  @Override
  public int compareTo(Origin other) {
    return toString().compareTo(other.toString());
  }

  // Last in the file: the rules docs read the doc comments above in order, each under the type declared before it.
  /** What sort of place an origin is. */
  public enum Kind {
    /** An environment variable: {@code env AWS_PROFILE}. */
    ENV,
    /** A {@code key = value} line of a shared file: {@code ~/.aws/config:4 [dev] region}. */
    PROFILE_PROPERTY,
    /** A section header of a shared file: {@code ~/.aws/config:3 [profile dev]}. */
    PROFILE_SECTION,
    /** A shared file, or one of its lines: {@code ~/.aws/credentials:7}. */
    FILE,
    /** A CLI, SSO or login cache file, or one of its fields: {@code ~/.aws/cli/cache/ab12.json Expiration}. */
    CACHE_FILE,
    /** What a profile's {@code credential_process} printed: {@code ~/.aws/config:9 [dev] credential_process (process output AccessKeyId)}. */
    CREDENTIAL_PROCESS,
    /** An STS call the tool (or the failing client, in a ticket) made: {@code STS us-east-1 -> 403 InvalidClientTokenId}. */
    STS_PROBE,
    /** The machine's clock. */
    CLOCK,
    /** An option of this tool's command line: {@code --profile}, {@code --verify-with ops}. */
    OPTION,
    /** A client's default, nothing configured. */
    DEFAULT,
    /** Nothing sets the value anywhere ({@code none}). */
    NOT_SET,
    /** The ticket as a whole. */
    TICKET,
    /** One line of a ticket: {@code ticket line 12}, {@code ticket line 3 [dev] aws_access_key_id}. */
    TICKET_LINE,
    /** Any other text (read from a bundle written by another version, say). */
    OTHER
  }
}
