package io.permlab.model.miniprogram;

import io.permlab.model.EvidenceSection;

import java.util.List;
import java.util.Optional;

/**
 * What static inspection learnt about a WeChat mini-program (a source folder, a uni-app/Taro build for WeChat, or
 * .wxapkg packages). Facts only: no judgement, no knowledge of categories or law; the rules do that.
 * {@code packaging} is "source", "wxapkg" or "wxapkg (PC, decrypted)"; {@code framework} "native", "uni-app" or "taro".
 * {@code secrets}: credentials found in the package's code and configuration (app secret, map keys), masked.
 */
public record MiniProgramFacts(String appId, String packaging, String framework, String libVersion,
                               AppDeclarations declarations, List<Owner> owners, List<ApiCall> calls,
                               List<WxmlHook> wxmlHooks, List<Endpoint> endpoints,
                               List<CoordinateRequirement> coordinateRequirements, int scriptsAnalysed,
                               List<UnanalysedFile> unanalysedFiles, List<String> packages, List<ExposedSecret> secrets) implements EvidenceSection {
    @Override
    public Optional<String> appIdentity() {
        return Optional.ofNullable(appId);
    }

    public MiniProgramFacts {
        owners = List.copyOf(owners);
        calls = List.copyOf(calls);
        wxmlHooks = List.copyOf(wxmlHooks);
        endpoints = List.copyOf(endpoints);
        coordinateRequirements = List.copyOf(coordinateRequirements);
        unanalysedFiles = List.copyOf(unanalysedFiles);
        packages = List.copyOf(packages);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** Facts without a search for shipped credentials (callers that predate it). */
    public MiniProgramFacts(String appId, String packaging, String framework, String libVersion,
                            AppDeclarations declarations, List<Owner> owners, List<ApiCall> calls,
                            List<WxmlHook> wxmlHooks, List<Endpoint> endpoints,
                            List<CoordinateRequirement> coordinateRequirements, int scriptsAnalysed,
                            List<UnanalysedFile> unanalysedFiles, List<String> packages) {
        this(appId, packaging, framework, libVersion, declarations, owners, calls, wxmlHooks, endpoints,
                coordinateRequirements, scriptsAnalysed, unanalysedFiles, packages, List.of());
    }

    /** Platform calls of one API, whatever the namespace (wx, uni, Taro). */
    public List<ApiCall> calls(String api) {
        return calls.stream().filter(c -> c.platform() && c.api().equals(api)).toList();
    }

    /** Calls sitting in a callback of {@code parent}, directly. */
    public List<ApiCall> children(ApiCall parent) {
        return calls.stream().filter(c -> c.parentId() != null && c.parentId() == parent.id()).toList();
    }

    /** Calls sitting in {@code via} callbacks of {@code parent}, at any depth below it. */
    public List<ApiCall> descendants(ApiCall parent, String via) {
        List<ApiCall> out = new java.util.ArrayList<>();
        for (ApiCall child : children(parent)) {
            if (via == null || via.equals(child.via())) {
                out.add(child);
                out.addAll(descendants(child, null));
            }
        }
        return out;
    }

    public Owner owner(String path) {
        return owners.stream().filter(o -> o.path().equals(path)).findFirst().orElse(null);
    }

    /** Whether every code file was analysed: when not, "never used" cannot be claimed. */
    public boolean codeFullyAnalysed() {
        return unanalysedFiles.isEmpty();
    }
}
