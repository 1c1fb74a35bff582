package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
/**
 * The profile one client uses and why.
 *
 * @param name the profile name
 * @param source {@code --profile}, {@code env AWS_PROFILE}, {@code env AWS_DEFAULT_PROFILE} or {@code default}
 */
record Selection(String name, Origin source) {

  boolean explicit() {
    return source.kind() != Origin.Kind.DEFAULT;
  }

  /** The profile each client selects: the orders differ in which profile variable comes first. */
  static Selection of(String client, CollectRequest request, Machine m) {
    if (request.profile() != null) {
      return new Selection(request.profile(), Origin.option("--profile", null));
    }
    String[] order = switch (client) {
      case Clients.BOTOCORE -> new String[] {"AWS_DEFAULT_PROFILE", "AWS_PROFILE"};
      case Clients.CLI -> new String[] {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"};
      default -> new String[] {"AWS_PROFILE"};
    };
    for (String var : order) {
      String v = m.envNonBlank(var);
      if (v != null) {
        // The Java SDK trims the variable; botocore and the CLI take it as it is.
        return new Selection(client.equals(Clients.JAVA) ? v.strip() : v, Origin.env(var));
      }
    }
    return new Selection("default", Origin.byDefault());
  }
}
