package io.permlab.inspect.policy;

/** Reads a web page by URL: from the folder PermLab serves, or over the network. */
@FunctionalInterface
public interface PageFetcher {
    /** The page's HTML, or the reason it could not be read (never both). */
    record Page(String html, String problem) {
        public static Page of(String html) {
            return new Page(html, null);
        }

        public static Page failed(String problem) {
            return new Page(null, problem);
        }

        public boolean ok() {
            return html != null;
        }
    }

    Page fetch(String url);
}
