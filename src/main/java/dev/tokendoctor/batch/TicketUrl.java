package dev.tokendoctor.batch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a ticket lives in the help desk ({@code --ticket-url 'https://desk.example/tickets/{id}'}): the report
 * links every ticket id there. Only an http or https address with a host and exactly one {@code {id}} is taken,
 * so a link from the page can never run anything ({@code javascript:}) or point at a local file; the id is
 * URL-encoded, so an id from the input cannot change where the link goes.
 *
 * @param template the address, {@code {id}} where the ticket id goes
 */
public record TicketUrl(String template) {
  public static final String PLACEHOLDER = "{id}";

  /** The template checked; a template that is not one is refused naming what is wrong. */
  public static TicketUrl parse(String template) throws BatchException {
    String t = template == null ? "" : template.strip();
    // A user name or password in the address is refused, and never repeated in the message.
    String shown = t.replaceAll("(?<=://)[^/@]*@", "…@");
    int first = t.indexOf(PLACEHOLDER);
    if (first < 0 || t.indexOf(PLACEHOLDER, first + 1) >= 0) {
      throw new BatchException("--ticket-url: '" + shown + "' must hold {id} exactly once (e.g. 'https://desk.example/tickets/{id}')");
    }
    URI uri;
    try {
      uri = new URI(t.replace(PLACEHOLDER, "ID"));
    } catch (URISyntaxException e) {
      throw new BatchException("--ticket-url: '" + shown + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new BatchException("--ticket-url: '" + shown + "' must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new BatchException("--ticket-url: '" + shown + "' names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new BatchException("--ticket-url: '" + shown + "' must not carry a user name or password");
    }
    return new TicketUrl(t);
  }

  /** The address of ticket {@code id}. */
  String link(String id) {
    return template.replace(PLACEHOLDER, URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
