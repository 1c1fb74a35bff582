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
import java.util.Optional;
import java.util.function.Function;
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

  static SdkHttpClient http(CollectRequest.Limits limits, Duration timeout) {
    Duration connect = limits.connect().compareTo(timeout) < 0 ? limits.connect() : timeout;
    return UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(timeout).build();
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

  /** Runs {@code call}; maps every way it can end to an answer. Never throws, never lets a secret through. */
  static <T> Answer<T> run(java.time.Clock clock, Secrets secrets, java.util.function.Supplier<T> call,
      Function<T, SdkHttpResponse> httpOf) {
    long start = System.nanoTime();
    try {
      T result = call.get();
      SdkHttpResponse http = httpOf.apply(result);
      return new Answer<>("ok", result, http == null ? 200 : http.statusCode(), null, null, date(http), clock.instant(), ms(start));
    } catch (AwsServiceException e) {
      SdkHttpResponse http = e.awsErrorDetails() == null ? null : e.awsErrorDetails().sdkHttpResponse();
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
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
      root = root.getCause();
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
