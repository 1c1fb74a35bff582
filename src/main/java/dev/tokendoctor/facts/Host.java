package dev.tokendoctor.facts;

/**
 * Who and where the collecting process ran, for "the client reads other files than you edited".
 *
 * @param os the operating system name
 * @param user the effective user name
 * @param home the home directory the clients use
 * @param sudoUser {@code SUDO_USER}, when the process runs under sudo
 * @param container the process looks like it runs in a container
 * @param awsDirectoryExists {@code ~/.aws} exists in that home
 */
public record Host(String os, String user, String home, String sudoUser, Boolean container, Boolean awsDirectoryExists) {

  /** The HOME the clients use is known to have no {@code .aws} directory (not merely unknown). */
  public boolean awsDirectoryMissing() {
    return Boolean.FALSE.equals(awsDirectoryExists);
  }

  /** The process is known to run in a container. */
  public boolean inContainer() {
    return Boolean.TRUE.equals(container);
  }
}
