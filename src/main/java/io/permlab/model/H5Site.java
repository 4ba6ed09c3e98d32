package io.permlab.model;

import java.util.List;

/**
 * What an H5 target's target.json says about its site: the entry URL the flows start from, the folders PermLab serves
 * itself, the hosts that are the target's own ({@code ownHosts}) and those a flow may also open ({@code allowHosts}).
 */
public record H5Site(String entry, List<Served> serve, List<String> ownHosts, List<String> allowHosts) {
    public H5Site {
        serve = List.copyOf(serve);
        ownHosts = List.copyOf(ownHosts);
        allowHosts = List.copyOf(allowHosts);
    }

    /** A folder inside the target's folder, served under a host name. */
    public record Served(String host, String dir, boolean https) {
    }
}
