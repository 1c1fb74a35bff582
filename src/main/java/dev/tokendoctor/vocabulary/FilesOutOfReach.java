package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The clients do not read the AWS files the person edited: a location variable ({@code AWS_SHARED_CREDENTIALS_FILE},
 * {@code AWS_CONFIG_FILE}) names a file that does not exist, or the process runs under sudo or in a container with a
 * HOME that has no {@code .aws} directory.
 *
 * @param why {@code variable}, {@code sudo} or {@code container}
 * @param origin what shows it ({@code env AWS_CONFIG_FILE}, {@code host})
 */
public record FilesOutOfReach(String why, Origin origin) {}
