package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/credential-lifetimes.csv}: how long a kind of temporary credential can live.
 *
 * @param kind {@code assume-role}, {@code role-chaining}, {@code get-session-token}, {@code federation-token},
 *     {@code sso-role}
 * @param defaultSeconds the lifetime when the caller does not ask for one
 * @param maxSeconds the longest lifetime AWS allows
 * @param source the documentation that says so
 */
public record CredentialLifetime(String kind, long defaultSeconds, long maxSeconds, String source) {}
