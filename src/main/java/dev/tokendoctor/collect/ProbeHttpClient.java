package dev.tokendoctor.collect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The HTTP client under every STS and IAM call of the tool. It checks where each signed request goes, at the last
 * moment, from the request itself (its URL and the region and service of its signature; {@link ProbeDestinations}),
 * and it bounds what an answer may cost: AWS's error bodies are a few hundred bytes and its answers to the calls
 * the tool makes a few KiB (a page of 200 IAM users about 100 KiB), so a larger body is not AWS's and is not read;
 * and a body that trickles in byte by byte ends at the call's time limit like one that never comes.
 */
final class ProbeHttpClient implements SdkHttpClient {
  /** The most an error body may have (AWS's: under 1 KiB). */
  static final long MAX_ERROR_BODY = 64 * 1024;
  /** The most any other body may have. */
  static final long MAX_BODY = 1024 * 1024;

  private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]*/\\d{8}/([^/]+)/([^/]+)/aws4_request");

  private final SdkHttpClient delegate;
  private final List<URI> named;
  private final long deadline;

  /**
   * @param named the endpoints given on the command line
   * @param timeout how long the whole call may take, body included
   */
  ProbeHttpClient(SdkHttpClient delegate, List<URI> named, Duration timeout) {
    this.delegate = delegate;
    this.named = new ArrayList<>(named);
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /** A signed request was not sent; the message says why in plain words. */
  static final class NotSent extends IOException {
    NotSent(String why) {
      super(why);
    }
  }

  /** The answer's body is larger than any answer of AWS to this call. */
  static final class TooLarge extends IOException {
    TooLarge(int status, long limit) {
      super("the answer (HTTP " + status + ") was larger than " + (limit / 1024) + " KiB, far more than AWS sends: it was not read");
    }
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    SdkHttpRequest r = request.httpRequest();
    Matcher scope = SCOPE.matcher(r.firstMatchingHeader("Authorization").orElse(""));
    boolean signed = scope.find();
    String refusal = ProbeDestinations.refusal(r.getUri(), signed ? scope.group(2) : null, signed ? scope.group(1) : null, named);
    if (refusal != null) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          throw new NotSent(refusal);
        }

        @Override
        public void abort() {}
      };
    }
    ExecutableHttpRequest call = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        return bounded(call.call());
      }

      @Override
      public void abort() {
        call.abort();
      }
    };
  }

  /**
   * The response with its body read here, whole, up to the limit and the deadline (the SDK's parsers would
   * swallow a read error into an answer with no error code, and lose why).
   */
  private HttpExecuteResponse bounded(HttpExecuteResponse response) throws IOException {
    int status = response.httpResponse().statusCode();
    long limit = status >= 300 ? MAX_ERROR_BODY : MAX_BODY;
    Optional<AbortableInputStream> body = response.responseBody();
    if (body.isEmpty()) {
      return response;
    }
    AbortableInputStream in = body.get();
    long declared = response.httpResponse().firstMatchingHeader("Content-Length").map(ProbeHttpClient::length).orElse(-1L);
    if (declared > limit) {
      in.abort();
      throw new TooLarge(status, limit);
    }
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, limit + 1 - read.size()))) > 0; ) {
        read.write(buf, 0, n);
        // One byte more than allowed tells a body of exactly the limit from a larger one.
        if (read.size() > limit) {
          in.abort();
          throw new TooLarge(status, limit);
        }
        if (System.nanoTime() - deadline > 0) {
          in.abort();
          throw new SocketTimeoutException("the answer did not arrive within the time limit");
        }
      }
    }
    return HttpExecuteResponse.builder().response(response.httpResponse())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(read.toByteArray()))).build();
  }

  private static long length(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
