/**
 * The rules' vocabulary: one record per kind of fact a collector can observe on a machine.
 *
 * <p>Every record here can be matched in a DRL rule by its type name and its fields, for example
 * {@code ResolvedCredentials( effective, keyId.prefix == "ASIA" )}. A fact that was not collected is
 * <em>absent</em> from the bundle and from the session, never present with a default that looks negative
 * ("unknown is not false"); fields that may be unknown are boxed types and may be {@code null}.
 *
 * <p>No record holds a secret: secret values are reduced to a {@link dev.tokendoctor.facts.ValueDescriptor}.
 */
package dev.tokendoctor.facts;
