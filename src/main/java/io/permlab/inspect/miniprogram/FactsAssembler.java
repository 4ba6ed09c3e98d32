package io.permlab.inspect.miniprogram;

import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.CoordinateRequirement;
import io.permlab.model.miniprogram.Endpoint;
import io.permlab.model.miniprogram.Owner;
import io.permlab.model.miniprogram.WxmlHook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the per-file findings into mini-program facts: each call gets a global id, its owner (page, component, app or
 * module), its lifecycle and event entries; guards on coordinate fields (named so, or filled from the device's
 * location) become coordinate requirements with the location APIs that fill those fields.
 */
final class FactsAssembler {
    /** Field names that hold coordinates whatever fills them. */
    private static final Set<String> COORDINATE_FIELDS = Set.of("latitude", "longitude", "lat", "lng", "lon");

    private final OwnerMap owners;
    private final Map<String, List<WxmlHook>> hooksByOwner;
    private final MiniProgramApis apis;
    final List<ApiCall> calls = new ArrayList<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<CoordinateRequirement> requirements = new ArrayList<>();

    FactsAssembler(OwnerMap owners, List<WxmlHook> hooks, MiniProgramApis apis) {
        this.owners = owners;
        this.hooksByOwner = hooks.stream().collect(Collectors.groupingBy(WxmlHook::owner));
        this.apis = apis;
    }

    void add(ScriptFacts file) {
        EntryResolver entries = new EntryResolver(file);
        int offset = calls.size();
        for (ScriptFacts.RawCall c : file.calls) {
            Owner owner = owner(c.module);
            List<WxmlHook> ownerHooks = hooksByOwner.getOrDefault(owner.path(), List.of());
            calls.add(new ApiCall(offset + c.index, c.namespace, c.api, c.at, owner.path(), owner.kind(), c.function(),
                    entries.lifecycleEntries(c.module, c.chain), entries.eventEntries(c.module, c.chain, ownerHooks),
                    c.parent == null ? null : offset + c.parent, c.via, c.options, c.inputsFrom));
        }
        for (ScriptFacts.RawEndpoint e : file.endpoints) {
            endpoints.add(new Endpoint(e.url(), e.via(), e.at(), owner(e.module()).path()));
        }
        for (ScriptFacts.RawGuard g : file.guards) {
            requirement(file, entries, g);
        }
    }

    private void requirement(ScriptFacts file, EntryResolver entries, ScriptFacts.RawGuard g) {
        List<String> fields = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (String field : g.fields()) {
            Set<String> filledBy = file.sourcesOf(g.module(), field);
            boolean deviceFilled = filledBy.stream().anyMatch(this::device);
            if (COORDINATE_FIELDS.contains(field) || deviceFilled) {
                fields.add(field);
                filledBy.stream().filter(this::locates).forEach(sources::add);
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        Owner owner = owner(g.module());
        String function = g.chain().isEmpty() ? "" : g.chain().get(g.chain().size() - 1).name();
        requirements.add(new CoordinateRequirement(g.at(), owner.path(), function, fields, new ArrayList<>(sources),
                entries.eventEntries(g.module(), g.chain(), hooksByOwner.getOrDefault(owner.path(), List.of()))));
    }

    private boolean device(String api) {
        MiniProgramApi a = apis.api(api);
        return a != null && a.deviceLocation();
    }

    private boolean locates(String api) {
        MiniProgramApi a = apis.api(api);
        return a != null && (a.deviceLocation() || MiniProgramApi.LOCATION_PICKER.equals(a.role())
                || MiniProgramApi.ADDRESS_PICKER.equals(a.role()));
    }

    private Owner owner(String module) {
        return owners.ownerOfModule(module);
    }
}
