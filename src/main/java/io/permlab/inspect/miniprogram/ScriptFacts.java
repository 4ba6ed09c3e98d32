package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.CodeLocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What the analysis of one code file found, before calls get their owners, ids and entries. Function names are kept
 * per module: a compiled package's app-service.js holds many pages, each with its own onLoad.
 */
final class ScriptFacts {
    /** A named function a call sits in, and the lifecycle hook it is (null for an ordinary function). */
    record Frame(String name, String lifecycle) {
    }

    /** A call as found; {@code parent} and {@code index} are indexes into this file's calls. */
    static final class RawCall {
        final int index;
        final String namespace;
        final String api;
        final CodeLocation at;
        final String module;
        final List<Frame> chain;
        final Map<String, String> options;
        final List<String> inputsFrom;
        Integer parent;
        String via;

        RawCall(int index, String namespace, String api, CodeLocation at, String module, List<Frame> chain,
                Integer parent, String via, Map<String, String> options, List<String> inputsFrom) {
            this.index = index;
            this.namespace = namespace;
            this.api = api;
            this.at = at;
            this.module = module;
            this.chain = List.copyOf(chain);
            this.parent = parent;
            this.via = via;
            this.options = options;
            this.inputsFrom = inputsFrom;
        }

        String function() {
            return chain.isEmpty() ? "" : chain.get(chain.size() - 1).name();
        }
    }

    record RawEndpoint(String url, String via, CodeLocation at, String module) {
    }

    record RawGuard(CodeLocation at, String module, List<Frame> chain, List<String> fields) {
    }

    /**
     * A callback given by name ({@code success: this.onLocated}): the named function's calls belong under the call. When
     * {@link CallbackTargets} finds the function in the file they are walked as the callback; else they are linked by name.
     */
    record CallbackRef(int call, String via, String module, String function) {
    }

    final String file;
    final List<RawCall> calls = new ArrayList<>();
    final List<RawEndpoint> endpoints = new ArrayList<>();
    final List<RawGuard> guards = new ArrayList<>();
    final List<CallbackRef> callbackRefs = new ArrayList<>();
    /** module → caller function → functions of the same file it calls. */
    final Map<String, Map<String, Set<String>>> callGraph = new LinkedHashMap<>();
    /** module → function → lifecycle hook it is. */
    final Map<String, Map<String, String>> lifecycle = new LinkedHashMap<>();
    /** module → field (setData key, this.x) → platform APIs whose results are put there. */
    final Map<String, Map<String, Set<String>>> fieldSources = new LinkedHashMap<>();

    ScriptFacts(String file) {
        this.file = file;
    }

    void edge(String module, String caller, String callee) {
        callGraph.computeIfAbsent(module, m -> new LinkedHashMap<>()).computeIfAbsent(caller, c -> new LinkedHashSet<>()).add(callee);
    }

    void lifecycle(String module, String function, String hook) {
        lifecycle.computeIfAbsent(module, m -> new LinkedHashMap<>()).putIfAbsent(function, hook);
    }

    void fieldSource(String module, String field, String api) {
        fieldSources.computeIfAbsent(module, m -> new LinkedHashMap<>()).computeIfAbsent(field, f -> new LinkedHashSet<>()).add(api);
    }

    Set<String> sourcesOf(String module, String field) {
        return fieldSources.getOrDefault(module, Map.of()).getOrDefault(field, Set.of());
    }

    /**
     * Hands the calls of functions given by name as callbacks to the calls they were given to, by the function's name,
     * for the callbacks {@code resolved} says were not found among the file's functions (those were walked as the
     * callback). A call that {@code ref}'s call itself sits under is left alone: parents never form a loop.
     */
    void linkCallbackRefs(BiPredicate<Integer, String> resolved) {
        for (CallbackRef ref : callbackRefs) {
            if (resolved.test(ref.call(), ref.via())) {
                continue;
            }
            RawCall given = calls.get(ref.call());
            if (given.chain.stream().anyMatch(f -> f.name().equals(ref.function()))) {
                continue; // a function handing itself as its own callback: a loop, recorded as a local call
            }
            for (RawCall c : calls) {
                if (c.parent == null && c.index != ref.call() && c.module.equals(ref.module())
                        && c.chain.stream().anyMatch(f -> f.name().equals(ref.function())) && !above(c.index, ref.call())) {
                    c.parent = ref.call();
                    c.via = ref.via();
                }
            }
        }
    }

    /** Whether call {@code upper} is {@code call} or one of its parents. */
    private boolean above(int upper, int call) {
        Set<Integer> seen = new HashSet<>();
        for (Integer at = call; at != null && seen.add(at); at = calls.get(at).parent) {
            if (at == upper) {
                return true;
            }
        }
        return false;
    }
}
