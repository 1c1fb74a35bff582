package dev.tokendoctor.collect;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback that speaks the AWS Query protocol of STS and IAM with the real response
 * XML (success and {@code ErrorResponse} envelopes). What it answers is decided per request by a
 * {@link Handler} that sees the access key id, the signing region and service from the {@code Authorization}
 * header, whether a security token was sent (never its value), and the form parameters. Its {@code Date}
 * header can be shifted to simulate a skewed client clock, and it can be told to never answer.
 */
final class FakeAws implements AutoCloseable {
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]*)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");
  static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  /** One request as the server understood it. */
  record Request(String keyId, String region, String service, boolean hasToken, String action, Map<String, String> params) {}

  /** One answer. */
  record Response(int status, String body) {}

  interface Handler {
    Response answer(Request r);
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-aws");
    t.setDaemon(true);
    return t;
  });
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Handler handler;
  private volatile Duration dateOffset = Duration.ZERO;
  private volatile boolean silent;

  FakeAws(Handler handler) throws IOException {
    this.handler = handler;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    pool.submit(this::acceptLoop);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The server's clock runs ahead of the client's by {@code offset}. */
  FakeAws dateOffset(Duration offset) {
    this.dateOffset = offset;
    return this;
  }

  /** Accept connections and never answer (an unresponsive endpoint). */
  FakeAws silent() {
    this.silent = true;
    return this;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      if (silent) {
        s.getInputStream().transferTo(OutputStream.nullOutputStream());
        return;
      }
      InputStream in = new BufferedInputStream(s.getInputStream());
      Map<String, String> headers = new LinkedHashMap<>();
      String requestLine = line(in);
      if (requestLine == null) {
        return;
      }
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      Request r = parse(headers, new String(body, StandardCharsets.UTF_8));
      requests.add(r);
      Response resp = handler.answer(r);
      byte[] out = resp.body().getBytes(StandardCharsets.UTF_8);
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(dateOffset).atOffset(ZoneOffset.UTC));
      String head = "HTTP/1.1 " + resp.status() + " " + (resp.status() == 200 ? "OK" : "Error") + "\r\n"
          + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
          + "Content-Type: text/xml\r\n"
          + "Content-Length: " + out.length + "\r\n"
          + "Date: " + date + "\r\n"
          + "Connection: close\r\n\r\n";
      OutputStream os = s.getOutputStream();
      os.write(head.getBytes(StandardCharsets.US_ASCII));
      os.write(out);
      os.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static Request parse(Map<String, String> headers, String body) {
    Matcher m = CREDENTIAL.matcher(headers.getOrDefault("authorization", ""));
    String key = null;
    String region = null;
    String service = null;
    if (m.find()) {
      key = m.group(1);
      region = m.group(3);
      service = m.group(4);
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return new Request(key, region, service, headers.containsKey("x-amz-security-token"), params.get("Action"), params);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }

  // ------------------------------------------------------------------ real response shapes

  static Response callerIdentity(String arn, String userId, String account) {
    return new Response(200, "<GetCallerIdentityResponse xmlns=\"" + STS_NS + "\">\n"
        + "  <GetCallerIdentityResult>\n"
        + "    <Arn>" + arn + "</Arn>\n"
        + "    <UserId>" + userId + "</UserId>\n"
        + "    <Account>" + account + "</Account>\n"
        + "  </GetCallerIdentityResult>\n"
        + "  <ResponseMetadata>\n"
        + "    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n"
        + "  </ResponseMetadata>\n"
        + "</GetCallerIdentityResponse>\n");
  }

  static Response accessKeyInfo(String account) {
    return new Response(200, "<GetAccessKeyInfoResponse xmlns=\"" + STS_NS + "\">\n"
        + "  <GetAccessKeyInfoResult>\n"
        + "    <Account>" + account + "</Account>\n"
        + "  </GetAccessKeyInfoResult>\n"
        + "  <ResponseMetadata>\n"
        + "    <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
        + "  </ResponseMetadata>\n"
        + "</GetAccessKeyInfoResponse>\n");
  }

  static Response listUsers(String account, String... users) {
    StringBuilder sb = new StringBuilder("<ListUsersResponse xmlns=\"" + IAM_NS + "\">\n  <ListUsersResult>\n    <IsTruncated>false</IsTruncated>\n    <Users>\n");
    for (String u : users) {
      sb.append("      <member>\n        <Path>/</Path>\n        <UserName>").append(u).append("</UserName>\n")
          .append("        <Arn>arn:aws:iam::").append(account).append(":user/").append(u).append("</Arn>\n")
          .append("        <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>\n")
          .append("        <CreateDate>2024-01-10T08:00:00Z</CreateDate>\n      </member>\n");
    }
    sb.append("    </Users>\n  </ListUsersResult>\n  <ResponseMetadata>\n    <RequestId>")
        .append(UUID.randomUUID()).append("</RequestId>\n  </ResponseMetadata>\n</ListUsersResponse>\n");
    return new Response(200, sb.toString());
  }

  /** {@code keys}: access key id → status, all created at {@code created}. */
  static Response listAccessKeys(String user, Instant created, Map<String, String> keys) {
    StringBuilder sb = new StringBuilder("<ListAccessKeysResponse xmlns=\"" + IAM_NS + "\">\n  <ListAccessKeysResult>\n    <UserName>")
        .append(user).append("</UserName>\n    <AccessKeyMetadata>\n");
    keys.forEach((id, status) -> sb.append("      <member>\n        <UserName>").append(user).append("</UserName>\n")
        .append("        <AccessKeyId>").append(id).append("</AccessKeyId>\n")
        .append("        <Status>").append(status).append("</Status>\n")
        .append("        <CreateDate>").append(DateTimeFormatter.ISO_INSTANT.format(created)).append("</CreateDate>\n      </member>\n"));
    sb.append("    </AccessKeyMetadata>\n    <IsTruncated>false</IsTruncated>\n  </ListAccessKeysResult>\n  <ResponseMetadata>\n    <RequestId>")
        .append(UUID.randomUUID()).append("</RequestId>\n  </ResponseMetadata>\n</ListAccessKeysResponse>\n");
    return new Response(200, sb.toString());
  }

  static Response error(int status, String code, String message) {
    return new Response(status, "<ErrorResponse xmlns=\"" + STS_NS + "\">\n"
        + "  <Error>\n"
        + "    <Type>Sender</Type>\n"
        + "    <Code>" + code + "</Code>\n"
        + "    <Message>" + message + "</Message>\n"
        + "  </Error>\n"
        + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
        + "</ErrorResponse>\n");
  }

  static Response invalidClientTokenId() {
    return error(403, "InvalidClientTokenId", "The security token included in the request is invalid");
  }

  static Response expiredToken() {
    return error(403, "ExpiredToken", "The security token included in the request is expired");
  }

  static Response signatureDoesNotMatch() {
    return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
  }

  static Response regionDisabled(String account) {
    return error(403, "RegionDisabledException", "STS is not activated in this region for account:" + account
        + ". Your account administrator can activate STS in this region using the IAM Console.");
  }

  /** A handler answering each known key with an identity, and InvalidClientTokenId for any other. */
  static Handler keys(Map<String, Response> byKey) {
    return r -> byKey.getOrDefault(r.keyId(), invalidClientTokenId());
  }

  static List<String> actions(List<Request> rs) {
    List<String> out = new ArrayList<>();
    rs.forEach(r -> out.add(r.service() + ":" + r.action() + "@" + r.region() + (r.hasToken() ? "+token" : "")));
    return out;
  }
}
