package dev.tokendoctor.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * One bounded call through the real AWS SDK: the tool's own client settings (no retries, short timeouts, an
 * explicit endpoint and signing region, the given credentials, and none of this process's own AWS settings).
 */
final class StsCall {
  /** AWS's error codes: {@code InvalidClientTokenId}, {@code AccessDenied}, {@code Sender.Throttling}... */
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Za-z0-9]{2,63}(\\.[A-Z][A-Za-z0-9]{2,63})?");

  private StsCall() {}

  /** What came back from one call. */
  record Answer<T>(String outcome, T result, Integer httpStatus, String errorCode, String errorMessage,
      Instant serverDate, Instant localAtAnswer, long elapsedMillis) {}

  static ClientOverrideConfiguration overrides(Duration timeout) {
    // An empty profile file: the tool's clients must not read this process's own ~/.aws settings.
    ProfileFile empty = ProfileFile.builder().content(new java.io.ByteArrayInputStream(new byte[0]))
        .type(ProfileFile.Type.CONFIGURATION).build();
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallTimeout(timeout)
        .apiCallAttemptTimeout(timeout)
        .defaultProfileFile(empty)
        .defaultProfileName("default")
        .build();
  }

  /**
   * The HTTP client of one call: bounded in time and in the size of what it reads, and sending signed requests
   * only where {@link ProbeDestinations} allows (AWS's hosts, or the endpoints {@code request} names).
   */
  static SdkHttpClient http(CollectRequest request, Duration timeout) {
    Duration connect = request.limits().connect().compareTo(timeout) < 0 ? request.limits().connect() : timeout;
    SdkHttpClient plain = UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(timeout).build();
    return new ProbeHttpClient(plain, Arrays.asList(request.stsEndpoint(), request.iamEndpointOrDefault()), timeout);
  }

  static StaticCredentialsProvider credentials(Material m, boolean withToken) {
    AwsCredentials creds = withToken && m.token != null
        ? AwsSessionCredentials.create(m.keyId, m.secret, m.token)
        : AwsBasicCredentials.create(m.keyId, m.secret);
    return StaticCredentialsProvider.create(creds);
  }

  static Region region(String signingRegion) {
    return Region.of(signingRegion);
  }

  static URI uri(String endpoint) {
    return URI.create(endpoint.strip());
  }

  /** {@code endpoint} as a URI, or {@code null} when it is not one. */
  static URI uriOrNull(String endpoint) {
    try {
      return endpoint == null ? null : uri(endpoint);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Runs {@code call}; maps every way it can end to an answer. Never throws, never lets a secret through. */
  static <T> Answer<T> run(java.time.Clock clock, Secrets secrets, java.util.function.Supplier<T> call,
      Function<T, SdkHttpResponse> httpOf) {
    long start = System.nanoTime();
    try {
      T result = call.get();
      SdkHttpResponse http = httpOf.apply(result);
      int status = http == null ? 200 : http.statusCode();
      String notAws = AwsAnswers.notAws(result);
      if (notAws != null) {
        // A captive portal, a proxy or another service answered: its Date says nothing of AWS's clock either.
        return new Answer<>("unreachable", null, status, null, "HTTP " + status + ", but " + notAws
            + ": something other than AWS answered (a captive portal, a proxy, another service)", null, clock.instant(), ms(start));
      }
      return new Answer<>("ok", result, status, null, null, date(http), clock.instant(), ms(start));
    } catch (AwsServiceException e) {
      SdkHttpResponse http = e.awsErrorDetails() == null ? null : e.awsErrorDetails().sdkHttpResponse();
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
      boolean awsShaped = code != null && ERROR_CODE.matcher(code).matches();
      if (e.statusCode() >= 500) {
        // A server error is no verdict on the credentials: the call is as good as not made.
        return new Answer<>("unreachable", null, e.statusCode(), null, "the server answered HTTP " + e.statusCode()
            + (awsShaped ? " " + code : "") + ", a server error that says nothing about the credentials", null, clock.instant(), ms(start));
      }
      if (!awsShaped) {
        return new Answer<>("unreachable", null, e.statusCode(), null, "the server answered HTTP " + e.statusCode()
            + " with something that is not an AWS error response (a proxy or a portal, not AWS)", null, clock.instant(), ms(start));
      }
      return new Answer<>("error", null, e.statusCode(), code, secrets.scrub(message), date(http), clock.instant(), ms(start));
    } catch (RuntimeException e) {
      String outcome = outcome(e);
      return new Answer<>(outcome, null, null, null, plain(e, outcome), null, clock.instant(), ms(start));
    }
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static Instant date(SdkHttpResponse http) {
    if (http == null) {
      return null;
    }
    Optional<String> d = http.firstMatchingHeader("Date");
    if (d.isEmpty()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(d.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String outcome(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProbeHttpClient.NotSent) {
        return "client-error";
      }
      if (t instanceof ProbeHttpClient.TooLarge) {
        return "unreachable";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
          || t instanceof SocketTimeoutException || t instanceof java.io.InterruptedIOException) {
        return "timeout";
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof SSLException || t instanceof java.net.SocketException) {
        return "unreachable";
      }
    }
    return "client-error";
  }

  /** Plain words for a failure, never the library's message (it may quote a header, and so a token). */
  private static String plain(Throwable e, String outcome) {
    Throwable root = e;
    while (root.getCause() != null) {
      if (root instanceof ProbeHttpClient.NotSent || root instanceof ProbeHttpClient.TooLarge) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof ProbeHttpClient.NotSent) {
      return "not sent: " + root.getMessage();
    }
    if (root instanceof ProbeHttpClient.TooLarge) {
      return root.getMessage();
    }
    return switch (outcome) {
      case "timeout" -> "no answer within the time limit";
      case "unreachable" -> root instanceof UnknownHostException ? "the host name does not resolve"
          : root instanceof SSLException ? "the TLS handshake failed"
          : root instanceof ConnectException ? "the connection was refused"
          : "the connection failed";
      default -> root instanceof IOException ? "the request could not be sent (" + root.getClass().getSimpleName() + ")"
          : "the client refused to send the request (" + root.getClass().getSimpleName() + ")";
    };
  }
}
