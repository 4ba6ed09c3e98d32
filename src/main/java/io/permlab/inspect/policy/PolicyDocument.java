package io.permlab.inspect.policy;

import java.util.List;

/** A policy as a reader sees it: its text, the same text cut into sentences, and the hosts of the links it holds. */
public record PolicyDocument(String text, List<String> sentences, List<String> linkHosts) {
    public PolicyDocument {
        sentences = List.copyOf(sentences);
        linkHosts = List.copyOf(linkHosts);
    }
}
