package io.permlab.pipeline.site;

/**
 * A request the mock API answered: which host it reached, how, and what it carried. Kept so that tests can compare
 * what a sample really sent with what PermLab's capture recorded.
 */
public record ApiCall(String host, String method, String pathAndQuery, String body) {
}
