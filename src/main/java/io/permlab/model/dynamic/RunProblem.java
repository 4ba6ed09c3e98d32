package io.permlab.model.dynamic;

/**
 * Something that went wrong in a run: element-not-found, element-disabled, element-covered, page-load-timeout, js-error, browser-crash,
 * session-error, unreachable.
 * Recorded on the run with a screenshot and page source where they could still be taken.
 */
public record RunProblem(String kind, String message, int stepIndex, long atMillis, String screenshot, String pageSource) {
}
