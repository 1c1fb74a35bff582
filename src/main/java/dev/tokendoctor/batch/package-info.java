/**
 * {@code tokendoctor batch}: diagnoses many tickets in one run. Tickets are read as a stream (JSON Lines files,
 * folders of bundle files, standard input, gzip or not), diagnosed on every core against one shared knowledge
 * base, and written in input order to {@code results.jsonl} and {@code results.csv}; the run ends with
 * {@code summary.json} and a self-contained {@code report.html}. Memory stays bounded by a window of tickets in
 * flight, whatever the input's size. Every input ticket gets exactly one row, an error row when it cannot be
 * diagnosed; an interrupted run leaves valid files and a checkpoint that {@code --resume} continues from.
 */
package dev.tokendoctor.batch;
