package io.permlab.model;

import java.util.List;

/**
 * What a mini-program target's target.json says for its runtime: the hosts that are the program's own
 * ({@code "ownHosts"}), and the answers its {@code wx.request} calls get ({@code "fixtures"}); a request no fixture
 * matches gets {@code 200 {}}.
 */
public record MiniProgramRun(List<String> ownHosts, List<RequestFixture> fixtures) {
    public MiniProgramRun {
        ownHosts = List.copyOf(ownHosts);
        fixtures = List.copyOf(fixtures);
    }

    /** A canned answer: requests whose URL matches {@code urlPattern} (and {@code method}, when given) get it. */
    public record RequestFixture(String urlPattern, String method, int status, String jsonBody) {
    }
}
