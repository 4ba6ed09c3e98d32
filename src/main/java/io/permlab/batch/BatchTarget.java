package io.permlab.batch;

/** A manifest row that will run, with the id its reports and folders carry (unique within the campaign). */
public record BatchTarget(String id, ManifestRow row) {
}
