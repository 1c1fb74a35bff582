package dev.tokendoctor.engine;

import dev.tokendoctor.diagnosis.RuleMetadata;

/**
 * One compiled rule and what it declares.
 *
 * @param name the rule's name
 * @param file the file it came from, as shown to people
 * @param metadata its {@code @...} metadata
 */
public record RuleInfo(String name, String file, RuleMetadata metadata) {}
