package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.WxmlHook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sets a call off, from one file's call graph: the lifecycle hooks that reach it without the user doing anything
 * (its own function is onLoad, or onLoad calls this.locate() which holds it), and the WXML event bindings of its
 * owner that reach it (bindtap="chooseAddress"). Names are matched within one module of one file only.
 */
final class EntryResolver {
    private final ScriptFacts facts;
    private final Map<String, Map<String, Set<String>>> callers = new HashMap<>();

    EntryResolver(ScriptFacts facts) {
        this.facts = facts;
        facts.callGraph.forEach((module, graph) -> {
            Map<String, Set<String>> reverse = callers.computeIfAbsent(module, m -> new HashMap<>());
            graph.forEach((caller, callees) -> callees.forEach(c -> reverse.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(caller)));
        });
    }

    /** The function names that lead to a place: those around it and, transitively, those calling them. */
    Set<String> reaching(String module, List<ScriptFacts.Frame> chain) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        chain.forEach(f -> todo.add(f.name()));
        Map<String, Set<String>> reverse = callers.getOrDefault(module, Map.of());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (seen.add(name)) {
                todo.addAll(reverse.getOrDefault(name, Set.of()));
            }
        }
        return seen;
    }

    List<String> lifecycleEntries(String module, List<ScriptFacts.Frame> chain) {
        Set<String> out = new LinkedHashSet<>();
        chain.stream().filter(f -> f.lifecycle() != null).forEach(f -> out.add(f.lifecycle()));
        Map<String, String> hooks = facts.lifecycle.getOrDefault(module, Map.of());
        for (String name : reaching(module, chain)) {
            if (hooks.containsKey(name)) {
                out.add(hooks.get(name));
            }
        }
        return new ArrayList<>(out);
    }

    /** "bindtap=chooseAddress" for each event binding of the owner whose handler reaches the place. */
    List<String> eventEntries(String module, List<ScriptFacts.Frame> chain, List<WxmlHook> ownerHooks) {
        if (ownerHooks.isEmpty()) {
            return List.of();
        }
        Set<String> reach = reaching(module, chain);
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (WxmlHook h : ownerHooks) {
            if (!h.attribute().equals("open-type") && reach.contains(h.value()) && seen.add(h.attribute() + h.value())) {
                out.add(h.attribute() + "=" + h.value());
            }
        }
        return new ArrayList<>(out);
    }
}
