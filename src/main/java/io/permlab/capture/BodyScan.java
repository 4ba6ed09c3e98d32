package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * PI in a request or response body, read the way its content type says: JSON walked with paths ("body $.a.phone"),
 * a form by field ("body form phone"), multipart by part ("body multipart phone"), anything else as text
 * ("response text at 1520", the char offset) in which embedded JSON objects are walked too ("response json at 812
 * $.user.mobile"). JSON sent as text/plain is recognised by its first char.
 */
final class BodyScan {
    private final String body;
    private final List<Hit> hits = new ArrayList<>();
    private Params form;
    private FieldScan formScan;

    private BodyScan(String body) {
        this.body = body;
    }

    static BodyScan of(String body, String contentType, String scope) {
        BodyScan scan = new BodyScan(body == null ? "" : body);
        scan.scan(contentType, scope);
        return scan;
    }

    private void scan(String contentType, String scope) {
        if (body.isEmpty()) {
            return;
        }
        String boundary = Mime.is(contentType, "multipart/") ? Multipart.boundary(contentType) : null;
        if (boundary != null) {
            multipart(boundary, scope);
        } else if (Mime.is(contentType, "x-www-form-urlencoded") || !Mime.is(contentType, "json") && !Mime.is(contentType, "html")
                && Params.looksLikeForm(body)) {
            form = Params.parse(body);
            formScan = FieldScan.of(scope + " form", form.fields());
            hits.addAll(formScan.hits());
        } else {
            char[] chars = Chars.of(body);
            if (!JsonScanner.scan(chars, 0, body.length(), scope, 0, hits)) {
                KeyedValues.page(chars, 0, body.length(), scope, 0, hits);
            }
        }
    }

    private void multipart(String boundary, String scope) {
        List<Multipart.Part> parts = Multipart.parts(body, boundary);
        List<Field> fields = new ArrayList<>(parts.size());
        for (Multipart.Part p : parts) {
            fields.add(new Field(p.name(), p.textual() ? body.substring(p.start(), p.end()) : null));
        }
        for (Hit h : FieldScan.of(scope + " multipart", fields).hits()) {
            List<Span> spans = h.spans().stream().map(s -> s.shifted(0, parts.get(s.field()).start())).toList();
            hits.add(new Hit(h.type(), h.where(), h.maskedValue(), h.decimals(), spans));
        }
    }

    List<Hit> hits() {
        return hits;
    }

    /** The body with PI masked. */
    String masked() {
        if (form != null) {
            return form.masked(formScan);
        }
        return PiDetector.mask(Spans.apply(body, hits, 0));
    }
}
