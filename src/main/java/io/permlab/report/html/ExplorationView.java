package io.permlab.report.html;

import io.permlab.model.Localized;

import java.util.List;

/** The runs of an exercised target: per function, the runs side by side and the permission timeline of the baseline. */
public record ExplorationView(String entryUrl, String session, String ownHosts, List<FunctionView> functions) {

    /** @param seconds the exploration's time ("8.4"), "" when it was not taken; @param runsAtOnce how many runs could overlap */
    public record FunctionView(String name, String flowFile, List<RunView> runs, List<RequestView> baselineRequests,
                               List<EffectView> effects, String seconds, int runsAtOnce) {
    }

    /** One run: its policy, whether the checkpoint was reached and why not, its screenshot, and its files. */
    public record RunView(String id, Localized policy, boolean passed, boolean inconclusive, Localized detail, String duration, int requests,
                          int exchanges, int piExchanges, String harFile, String screenshotFile, String screenshot,
                          List<String> problems, List<DownloadView> downloads, List<Localized> timeline) {
    }

    /** A file the site made the browser download: what and when, and the copy kept in the run's folder ("" when none). */
    public record DownloadView(String summary, String file) {
    }

    public record RequestView(String at, int step, Localized permission, String api, String options, String outcome,
                              boolean beforeConsent, boolean beforeStart, boolean afterRelaunch, String purpose) {
    }

    public record EffectView(Localized permission, Localized variant, boolean baselinePassed, boolean variantPassed,
                             boolean mandatory, boolean judged) {
    }
}
