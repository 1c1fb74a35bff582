package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/unique-id-prefixes.csv}: the first four characters of an IAM unique id that is not
 * an access key id ({@code AIDA} a user, {@code AROA} a role...). Only {@code AKIA} and {@code ASIA} start access
 * key ids, so a key id with one of these prefixes is another entity's id pasted in its place.
 *
 * @param prefix the four characters ({@code AIDA})
 * @param kind what the id is, in plain words ({@code the unique id of an IAM user (the UserId that get-caller-identity prints)})
 * @param source where the prefix is documented
 */
public record UniqueIdPrefix(String prefix, String kind, String source) {}
