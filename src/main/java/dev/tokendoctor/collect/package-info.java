/**
 * The collectors: everything {@code tokendoctor collect} and {@code doctor} learn about the machine they run
 * on, as the facts of {@link dev.tokendoctor.facts}, in one redacted {@link dev.tokendoctor.bundle.FactBundle}.
 *
 * <p>{@link dev.tokendoctor.collect.FactCollector} runs one collector per concern, in order, each recording a
 * {@link dev.tokendoctor.facts.CollectorRun} ({@code ok}, {@code skipped}, {@code failed}, {@code partial}, with a
 * reason) so the rules never read a missing fact as a negative one:
 * {@code environment} (every AWS_* variable, the host), {@code files} (the shared files, parsed by the AWS SDK's
 * own {@code ProfileFile} and scanned line by line), {@code sso-cache} / {@code cli-cache} / {@code login-cache},
 * {@code credential-process} (run with a time limit; only its shape is kept), {@code resolution} (each client's
 * provider chain, region and endpoint, with exactly one effective view), {@code expiry}, {@code sts} (live
 * GetCallerIdentity plus the differential probes, within one network budget), {@code verification}
 * ({@code --verify-with}) and {@code clock}.
 *
 * <p>Redaction is by construction: raw values become {@link dev.tokendoctor.facts.ValueDescriptor}s in exactly one
 * place, {@link dev.tokendoctor.collect.Descriptors}, which decides what may be shown by the kind of setting.
 * Raw credentials needed for the probes live only in memory ({@code Material}, whose {@code toString} hides
 * them). Every secret met is also remembered by {@link dev.tokendoctor.collect.Secrets}, and the bundle's JSON and
 * doctor's output are scrubbed against that list before they are written: a safety net, not the mechanism.
 *
 * <p>Nothing here reads the process's own environment, home or clock: a {@link dev.tokendoctor.collect.Machine}
 * is passed in, so tests examine a temporary HOME against a loopback STS.
 */
package dev.tokendoctor.collect;
