/**
 * Redaction by shape: recognises what a credential looks like (access key ids, secret keys, session tokens,
 * JWTs, long random strings, URL passwords and query values) whatever name it is filed under, and reduces it
 * to a descriptor. Used by the collectors on every value they keep, by the safety net that scrubs everything
 * leaving the machine, and by whatever reads text people paste (tickets, debug logs). Depends on nothing.
 */
package dev.tokendoctor.redaction;
