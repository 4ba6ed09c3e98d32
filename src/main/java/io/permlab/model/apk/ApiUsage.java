package io.permlab.model.apk;

import java.util.List;

/** All call sites of one sensitive API (knowledge id); {@code callSites} keeps the first few, {@code count} all of them. */
public record ApiUsage(String apiId, int count, List<CallSite> callSites) {
    public ApiUsage {
        callSites = List.copyOf(callSites);
    }
}
