/**
 * Scenario files: a rule's tests written as data next to the rule ({@code rules/.../CAUSE_ID.scenarios.json}),
 * so a support engineer adds a test case without Java. The same runner backs {@code tokendoctor rules test}
 * and the Java test suite.
 */
package dev.tokendoctor.scenario;
