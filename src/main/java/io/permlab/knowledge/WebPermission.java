package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;

/**
 * A permission a web page can ask for (web-permissions.json): what it reaches, how Chromium's DevTools protocol names
 * it (descriptor for Browser.setPermission, type for Browser.grantPermissions), whether the browser answers with a
 * device chooser instead of a grant, and the words that name it on screen.
 */
public record WebPermission(String id, String zh, String en, List<String> pi, String descriptor, String grantType,
                            boolean chooser, List<String> subjects) {
    public WebPermission {
        pi = List.copyOf(pi);
        subjects = List.copyOf(subjects);
    }

    public Localized label() {
        return new Localized(zh, en);
    }
}
