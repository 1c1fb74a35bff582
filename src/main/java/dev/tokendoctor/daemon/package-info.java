/**
 * The daemon: a per-user background process that keeps the JVM, the compiled knowledge bases and the JIT's work
 * warm, so that {@code diagnose} and {@code rules} answer in a tenth of a second instead of most of a second.
 *
 * <p>The launcher's client sends a command line over a Unix domain socket in a folder only the user can open
 * ({@link DaemonAddress}); the server runs it as the one-shot process would, against the client's working folder,
 * standard input and chosen environment ({@link Request}), and sends back what it wrote and the exit code
 * ({@link Reply}). Nothing that reads the real machine (doctor, collect) or runs long (batch) goes through it.
 * It stops after some idle minutes, or when its jar changes.
 */
package dev.tokendoctor.daemon;
