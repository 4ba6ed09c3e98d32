package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiType;
import io.permlab.model.dynamic.PiSighting;

import java.util.List;

/** PI found by a scanner: the sighting it becomes, plus the spans of source text that masking replaces. */
record Hit(PiType type, String where, String maskedValue, int decimals, List<Span> spans) {
    /** The sighting; names in the where can be PI too (a map keyed by phone number), so the where is masked as well. */
    PiSighting sighting() {
        return new PiSighting(type.name(), PiDetector.mayHold(where) ? PiDetector.mask(where) : where, maskedValue, decimals);
    }
}
