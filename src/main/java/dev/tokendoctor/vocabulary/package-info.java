/**
 * The derived facts of the rules' vocabulary: what the client sends, what AWS said, what is expired and since
 * when, how far the clock is off. The rules in {@code rules/vocabulary/} derive them once per bundle with
 * {@code insertLogical}, from whichever facts were collected, so that a cause rule matches one plain fact instead
 * of re-computing it (docs/facts.md lists them). Depends on the facts alone.
 */
package dev.tokendoctor.vocabulary;
