package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.StsProbe;

/**
 * The failing client's credentials, from one profile, are accepted, while AWS refuses the credentials other
 * clients on this machine send from another profile (the probe made as those clients send them).
 *
 * @param accepted the failing client's primary probe, accepted, with its profile
 * @param refused the probe made for the other clients, refused, with its other profile and its clients
 */
public record OtherClientsProfileRefused(StsProbe accepted, StsProbe refused) {}
