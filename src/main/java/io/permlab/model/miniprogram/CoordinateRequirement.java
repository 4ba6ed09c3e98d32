package io.permlab.model.miniprogram;

import java.util.List;

/**
 * A function that stops early (returns or throws) when coordinate fields are empty: {@code if (!this.data.latitude)
 * return}. {@code sources} are the platform APIs whose results the same file puts into those fields
 * (getLocation, chooseLocation...), empty when no source was seen.
 */
public record CoordinateRequirement(CodeLocation at, String owner, String function, List<String> fields,
                                    List<String> sources, List<String> eventEntries) {
    public CoordinateRequirement {
        fields = List.copyOf(fields);
        sources = List.copyOf(sources);
        eventEntries = List.copyOf(eventEntries);
    }
}
