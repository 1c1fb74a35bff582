/**
 * The differential: when AWS refused the credentials and no rule concluded why (or only an error text is
 * known), the causes that remain consistent with the error, ranked by the support team's priors, each with
 * the one fact that would confirm or rule it out and the command that gets it. The knowledge is data in
 * {@code rules/differential/} (priors, what each error means, the questions); this package only reads and
 * applies it.
 */
package dev.tokendoctor.differential;
