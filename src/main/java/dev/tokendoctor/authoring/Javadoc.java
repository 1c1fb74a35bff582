package dev.tokendoctor.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The javadoc of the classes a rule author uses, read from their sources, which the build copies into the jar
 * ({@code tokendoctor/javadoc/}): the field meanings in the docs come from the same comments the code keeps.
 */
final class Javadoc {
  static final String RESOURCES = "tokendoctor/javadoc/";
  private static final Pattern BLOCK = Pattern.compile("/\\*\\*(.*?)\\*/\\s*((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([^{;=]*)", Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile("\\b(?:record|class|interface|enum)\\s+(\\w+)");
  private static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\s*\\(");

  /**
   * One comment.
   *
   * @param text the description, as Markdown
   * @param params each {@code @param}'s text, as Markdown
   */
  record Doc(String text, Map<String, String> params) {
    static final Doc NONE = new Doc("", Map.of());
  }

  private final Map<String, Doc> docs;
  private final Map<String, Integer> positions;

  private Javadoc(Map<String, Doc> docs, Map<String, Integer> positions) {
    this.docs = docs;
    this.positions = positions;
  }

  /** The comments of {@code type}'s source file; none when the source is not packaged. */
  static Javadoc of(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String path = RESOURCES + top.getName().replace('.', '/') + ".java";
    try (InputStream in = Javadoc.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? new Javadoc(Map.of(), Map.of()) : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Javadoc(Map.of(), Map.of());
    }
  }

  static Javadoc parse(String source) {
    Map<String, Doc> docs = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    String currentType = "";
    Matcher m = BLOCK.matcher(source);
    while (m.find()) {
      String declaration = m.group(3);
      Matcher t = TYPE.matcher(declaration);
      String key;
      if (t.find()) {
        currentType = t.group(1);
        key = "type " + currentType;
      } else {
        Matcher method = METHOD.matcher(declaration);
        if (!method.find()) {
          continue;
        }
        key = currentType + "." + method.group(1);
      }
      docs.putIfAbsent(key, doc(m.group(1)));
      positions.putIfAbsent(key, m.start());
    }
    return new Javadoc(docs, positions);
  }

  Doc type(Class<?> type) {
    return docs.getOrDefault("type " + type.getSimpleName(), Doc.NONE);
  }

  Doc method(Class<?> owner, String name) {
    return docs.getOrDefault(owner.getSimpleName() + "." + name, Doc.NONE);
  }

  /** Where {@code owner.name} is documented in the source, to list methods in the order the source gives them. */
  int position(Class<?> owner, String name) {
    return positions.getOrDefault(owner.getSimpleName() + "." + name, Integer.MAX_VALUE);
  }

  private static Doc doc(String raw) {
    StringBuilder text = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>();
    String param = null;
    StringBuilder current = text;
    boolean pre = false;
    for (String line : raw.split("\n")) {
      String l = line.replaceFirst("^\\s*\\*? ?", "");
      if (l.contains("<pre>")) {
        pre = true;
        current.append("\n\n```\n");
        continue;
      }
      if (l.contains("</pre>")) {
        pre = false;
        current.append("```\n\n");
        continue;
      }
      if (pre) {
        current.append(l).append('\n');
        continue;
      }
      String s = l.strip();
      if (s.startsWith("@param ")) {
        if (param != null) {
          params.put(param, markdown(current.toString()));
        }
        String[] parts = s.substring(7).split("\\s+", 2);
        param = parts[0];
        current = new StringBuilder(parts.length > 1 ? parts[1] : "");
        continue;
      }
      if (s.startsWith("@")) {
        if (param != null) {
          params.put(param, markdown(current.toString()));
          param = null;
        }
        current = new StringBuilder();
        continue;
      }
      if (s.startsWith("<p>")) {
        current.append("\n\n");
        s = s.substring(3);
      }
      current.append(current.length() == 0 || current.charAt(current.length() - 1) == '\n' ? "" : " ").append(s);
    }
    if (param != null) {
      params.put(param, markdown(current.toString()));
    }
    return new Doc(markdown(text.toString()), params);
  }

  /** Javadoc HTML and tags to Markdown. */
  static String markdown(String s) {
    String out = s.replaceAll("\\{@code ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "`$1`")
        .replaceAll("\\{@link(?:plain)? [\\w.]*?(\\w+)(?:#(\\w+))?(?:\\([^)]*\\))?\\s+([^}]+)\\}", "$3")
        .replaceAll("\\{@link(?:plain)? [\\w.]*?(\\w+)#(\\w+)(?:\\([^)]*\\))?\\}", "`$1.$2`")
        .replaceAll("\\{@link(?:plain)? [\\w.]*?(\\w+)\\}", "`$1`")
        .replaceAll("</?em>", "*")
        .replaceAll("</?(?:b|strong)>", "**")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return out.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }
}
