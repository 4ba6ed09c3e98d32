package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * PI in a URL: the path as text ("url path") and each query parameter, decoded, under its name ("url query phone",
 * "url query lat+lng"). The fragment never leaves the browser and is ignored (HAR URLs omit it too).
 */
final class UrlScan {
    private final String base;
    private final String path;
    private final String decodedPath;
    private final Params params;
    private final List<Hit> pathHits = new ArrayList<>();
    private final List<Hit> hits = new ArrayList<>();
    private final FieldScan query;

    private UrlScan(String url, String scope) {
        int hash = url.indexOf('#');
        String noFragment = hash < 0 ? url : url.substring(0, hash);
        int question = noFragment.indexOf('?');
        String beforeQuery = question < 0 ? noFragment : noFragment.substring(0, question);
        int authority = beforeQuery.indexOf("://");
        int pathStart = beforeQuery.indexOf('/', authority < 0 ? 0 : authority + 3);
        pathStart = pathStart < 0 ? beforeQuery.length() : pathStart;
        this.base = beforeQuery.substring(0, pathStart);
        this.path = beforeQuery.substring(pathStart);
        this.decodedPath = Percent.decode(path, false);
        this.params = Params.parse(question < 0 ? "" : noFragment.substring(question + 1));
        KeyedValues.judge(decodedPath, Place.of("", scope + " path"), 0, pathHits);
        this.query = FieldScan.of(scope + " query", params.fields());
        hits.addAll(pathHits);
        hits.addAll(query.hits());
    }

    static UrlScan of(String url, String scope) {
        return new UrlScan(url == null ? "" : url, scope);
    }

    List<Hit> hits() {
        return hits;
    }

    /** Decoded query parameters, in order. */
    List<Field> params() {
        return params.fields();
    }

    /** The value of parameter {@code i}, decoded, with PI masked. */
    String maskedParam(int i) {
        return query.masked(i);
    }

    /** The URL without its fragment, PI masked: changed parameters are re-encoded, the others kept as sent. */
    String masked() {
        String maskedPath = PiDetector.mask(Spans.apply(decodedPath, pathHits, 0));
        String url = base + (maskedPath.equals(decodedPath) ? path : maskedPath);
        return params.raw().isEmpty() ? url : url + "?" + params.masked(query);
    }
}
