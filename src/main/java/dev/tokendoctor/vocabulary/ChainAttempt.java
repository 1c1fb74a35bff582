package dev.tokendoctor.vocabulary;

/**
 * One provider a credential chain that found nothing says it tried, with its own reason (the AWS SDK for Java
 * lists them in its error).
 *
 * @param client whose chain
 * @param provider the provider ({@code ProfileCredentialsProvider}), as shown in evidence
 * @param said why it gave nothing, as the client wrote it
 * @param position its place in the chain, from 1
 */
public record ChainAttempt(String client, String provider, String said, int position) {}
