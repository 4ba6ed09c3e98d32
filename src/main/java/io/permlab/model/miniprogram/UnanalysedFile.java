package io.permlab.model.miniprogram;

/** A code file PermLab did not analyse and why (TypeScript, a syntax error, too large); line and column when known. */
public record UnanalysedFile(String file, String reason, Integer line, Integer column) {
}
