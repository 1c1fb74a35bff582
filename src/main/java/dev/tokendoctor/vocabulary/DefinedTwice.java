package dev.tokendoctor.vocabulary;

/**
 * A profile defines one of its credential keys twice with different values: a repeated section, a repeated line,
 * or the key in both shared files. The clients disagree on which copy wins (the AWS CLI and boto3 refuse a repeated
 * section or key, the Java SDK keeps the later value, the credentials file wins over the config file).
 *
 * @param profile the profile's name
 * @param key the credential key written twice ({@code aws_access_key_id}...)
 */
public record DefinedTwice(String profile, String key) {}
