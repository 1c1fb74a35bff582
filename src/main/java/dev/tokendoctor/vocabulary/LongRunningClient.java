package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The ticket names a long-running client as the one that fails (an IDE toolkit, a daemon, an agent): a process that
 * keeps the credentials it read when it started.
 *
 * @param tool the client ({@code aws-toolkit-vscode})
 * @param version its version; {@code null} when not given
 * @param errorCode the error the ticket reports; {@code null} when none
 * @param origin where it was said ({@code ticket})
 */
public record LongRunningClient(String tool, String version, String errorCode, Origin origin) {}
