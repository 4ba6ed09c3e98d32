package io.permlab.model;

import java.util.List;

/**
 * What a mini-program target's target.json says for its runtime: the hosts that are the program's own
 * ({@code "ownHosts"}), and the answers its {@code wx.request} calls get ({@code "fixtures"}); a request no fixture
 * matches gets {@code 200 {}}. {@code wechat} says how to open it inside WeChat on a device (null: the runtime only).
 */
public record MiniProgramRun(List<String> ownHosts, List<RequestFixture> fixtures, WeChatLaunch wechat) {
    public MiniProgramRun {
        ownHosts = List.copyOf(ownHosts);
        fixtures = List.copyOf(fixtures);
    }

    public MiniProgramRun(List<String> ownHosts, List<RequestFixture> fixtures) {
        this(ownHosts, fixtures, null);
    }

    /** A canned answer: requests whose URL matches {@code urlPattern} (and {@code method}, when given) get it. */
    public record RequestFixture(String urlPattern, String method, int status, String jsonBody) {
    }
}
