package io.permlab.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything observed about one target, immutable: a set of typed sections, at most one of each type, in the order
 * the pipeline's stages added them (docs/architecture.md, "Evidence sections").
 */
public final class Evidence {
    private final Target target;
    private final Map<Class<? extends EvidenceSection>, EvidenceSection> sections;

    private Evidence(Target target, Map<Class<? extends EvidenceSection>, EvidenceSection> sections) {
        this.target = target;
        this.sections = sections;
    }

    /** Evidence without any section yet. */
    public static Evidence of(Target target) {
        return new Evidence(target, Map.of());
    }

    public static Evidence of(Target target, EvidenceSection... sections) {
        Evidence e = of(target);
        for (EvidenceSection s : sections) {
            e = e.with(s);
        }
        return e;
    }

    public Target target() {
        return target;
    }

    /** This evidence with {@code section} added, replacing an earlier section of the same type. */
    public Evidence with(EvidenceSection section) {
        Map<Class<? extends EvidenceSection>, EvidenceSection> copy = new LinkedHashMap<>(sections);
        copy.put(section.getClass(), section);
        return new Evidence(target, Collections.unmodifiableMap(copy));
    }

    /** The same sections about another target record (the masked one, say). */
    public Evidence about(Target other) {
        return new Evidence(other, sections);
    }

    public <T extends EvidenceSection> Optional<T> section(Class<T> type) {
        return Optional.ofNullable(sections.get(type)).map(type::cast);
    }

    /** Whether every one of these section types is present. */
    public boolean has(Set<Class<? extends EvidenceSection>> types) {
        return sections.keySet().containsAll(types);
    }

    public Collection<EvidenceSection> sections() {
        return sections.values();
    }

    public Set<Class<? extends EvidenceSection>> sectionTypes() {
        return sections.keySet();
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** Each section replaced by what {@code f} makes of it (masking); a null result drops the section. */
    public Evidence map(UnaryOperator<EvidenceSection> f) {
        Evidence e = of(target);
        List<EvidenceSection> mapped = new ArrayList<>();
        for (EvidenceSection s : sections.values()) {
            EvidenceSection m = f.apply(s);
            if (m != null) {
                mapped.add(m);
            }
        }
        for (EvidenceSection m : mapped) {
            e = e.with(m);
        }
        return e;
    }

    /** The app's own name for itself from the first section that knows it, else the target's name. */
    public String appIdentity() {
        return sections.values().stream().map(EvidenceSection::appIdentity).flatMap(Optional::stream).findFirst()
                .orElse(target.name());
    }

    /** Same target, same sections (in any order). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && target.equals(e.target) && sections.equals(e.sections);
    }

    @Override
    public int hashCode() {
        return 31 * target.hashCode() + sections.hashCode();
    }
}
