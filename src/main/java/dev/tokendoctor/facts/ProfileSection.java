package dev.tokendoctor.facts;

/**
 * One section header seen by the raw line scanner in a shared file.
 *
 * @param file {@code credentials} or {@code config}
 * @param path the file's path as shown to people
 * @param line 1-based line number of the header
 * @param header the text between the brackets, as written ({@code profile dev}, {@code dev}, {@code sso-session corp})
 * @param sectionType what the AWS SDK for Java makes of it: {@code profile}, {@code sso-session},
 *     {@code services}, or {@code ignored} when it drops the section
 * @param name the profile (or session, or services) name the section defines; for an ignored section, the
 *     name the user probably meant
 */
public record ProfileSection(String file, String path, int line, String header, String sectionType, String name) {

  /** Where this came from, as shown in evidence: {@code ~/.aws/config:3 [profile dev]}. */
  public Origin origin() {
    return Origin.section(path, line, header);
  }

  public boolean ignored() {
    return "ignored".equals(sectionType);
  }
}
