package dev.tokendoctor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One test case: a machine state and what the rules must conclude about it.
 *
 * @param description what the case is, in plain words (a near miss names what differs)
 * @param bundle a file in {@code facts-samples/} to start from
 * @param given a bundle written inline, instead of {@code bundle}
 * @param change edits applied to the bundle: JSON Pointer → new value; {@code null} removes the member.
 *     "One fact changed" near misses are written this way
 * @param expect what must hold
 * @param ticket a support ticket's text in {@code tickets-samples/}, instead of {@code bundle}: the rules are run
 *     on the facts {@code tokendoctor triage} reads from it ({@code change} applies to those facts too)
 */
public record Scenario(
    String description, String bundle, JsonNode given, Map<String, JsonNode> change, Expectation expect, String ticket) {

  /**
   * What the diagnosis must show. Every field is optional; a scenario states what matters to it.
   *
   * @param first the cause that must come first
   * @param fires causes that must be found (any order)
   * @param absent causes that must not be found
   * @param order causes that must be found in this relative order
   * @param checks checks (by cause id) that must hold
   * @param verdict the verdict status ({@code problem}, {@code warning}, {@code inconclusive}, {@code ok})
   * @param none no finding at all
   * @param exactly the exact set of causes found, in any order: nothing more, nothing less
   */
  public record Expectation(
      String first, List<String> fires, List<String> absent, List<String> order, List<String> checks, String verdict,
      Boolean none, List<String> exactly) {

    public Expectation {
      fires = fires == null ? List.of() : List.copyOf(fires);
      absent = absent == null ? List.of() : List.copyOf(absent);
      order = order == null ? List.of() : List.copyOf(order);
      checks = checks == null ? List.of() : List.copyOf(checks);
      exactly = exactly == null ? null : List.copyOf(exactly);
    }

    /** The ids this expectation names as positive outcomes (for the "every rule has a positive case" lint). */
    public List<String> positiveIds() {
      java.util.ArrayList<String> ids = new java.util.ArrayList<>(fires);
      if (first != null) {
        ids.add(first);
      }
      ids.addAll(order);
      if (exactly != null) {
        ids.addAll(exactly);
      }
      return ids;
    }
  }
}
