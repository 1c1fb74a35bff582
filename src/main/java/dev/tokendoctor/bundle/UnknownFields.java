package dev.tokendoctor.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds the fields of a JSON tree that the bundle's records do not know, with their exact JSON paths, so an older
 * tool can read a newer bundle and say what it ignored.
 */
final class UnknownFields {
  private static final Map<Class<?>, Map<String, Type>> FIELDS = new ConcurrentHashMap<>();

  private UnknownFields() {}

  static void find(JsonNode node, Class<?> type, String path, Consumer<String> unknown) {
    if (node == null || !node.isObject() || !type.isRecord()) {
      return;
    }
    Map<String, Type> fields = FIELDS.computeIfAbsent(type, UnknownFields::fieldsOf);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String childPath = path + "." + e.getKey();
      Type t = fields.get(e.getKey());
      if (t == null) {
        unknown.accept(childPath);
      } else {
        walk(e.getValue(), t, childPath, unknown);
      }
    }
  }

  private static void walk(JsonNode value, Type t, String path, Consumer<String> unknown) {
    if (t instanceof Class<?> c) {
      find(value, c, path, unknown);
    } else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class && value.isArray()) {
      Type element = pt.getActualTypeArguments()[0];
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), element, path + "[" + i + "]", unknown);
      }
    }
  }

  private static Map<String, Type> fieldsOf(Class<?> type) {
    RecordComponent[] comps = type.getRecordComponents();
    return Set.of(comps).stream().collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
  }
}
