package io.permlab.cli;

/**
 * What a PermLab process tells its caller (a CI job, a batch script). "Finished with errors" wins over "findings":
 * a batch where a target could not be inspected must never look like a clean pass.
 */
public enum ExitCode {
    /** Every target inspected; no finding at or above --fail-on. */
    CLEAN(0),
    /** PermLab itself failed (a defect, or its own knowledge files are broken). */
    INTERNAL_ERROR(1),
    /** The command line was wrong, or what it names cannot be used (an --out folder, a --knowledge file with a mistake). */
    USAGE_ERROR(2),
    /** 'permlab demo' only: a bundled sample's findings disagree with what its target.json expects (see the console). */
    SELF_CHECK_FAILED(3),
    /** Every target inspected; at least one finding at or above --fail-on. */
    FINDINGS(4),
    /** At least one target (or part of one) could not be inspected; the others have their reports. */
    FINISHED_WITH_ERRORS(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
