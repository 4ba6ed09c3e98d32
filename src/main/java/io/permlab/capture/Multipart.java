package io.permlab.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a multipart/form-data body, located by offsets into the body text. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![\\w*])name=\"([^\"]*)\"|(?<![\\w*])name=([^;\\s]+)", Pattern.CASE_INSENSITIVE);

    /** One part: its field name, whether it is a file, its content type, and where its content lies in the body. */
    record Part(String name, boolean file, String contentType, int start, int end) {
        boolean textual() {
            return !file || Mime.isText(contentType);
        }
    }

    private Multipart() {
    }

    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(1)) : null;
    }

    static List<Part> parts(String body, String boundary) {
        List<Part> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        int at = body.indexOf(delimiter);
        while (at >= 0) {
            int headersStart = at + delimiter.length();
            if (body.startsWith("--", headersStart)) {
                break;
            }
            int blank = body.indexOf("\r\n\r\n", headersStart);
            int gap = 4;
            int lf = body.indexOf("\n\n", headersStart);
            if (blank < 0 || lf >= 0 && lf < blank) {
                blank = lf;
                gap = 2;
            }
            if (blank < 0) {
                break;
            }
            int next = body.indexOf(delimiter, blank + gap);
            int contentEnd = next < 0 ? body.length() : next;
            if (contentEnd >= 2 && body.startsWith("\r\n", contentEnd - 2)) {
                contentEnd -= 2;
            } else if (contentEnd >= 1 && body.charAt(contentEnd - 1) == '\n') {
                contentEnd -= 1;
            }
            parts.add(part(body.substring(headersStart, blank), blank + gap, Math.max(blank + gap, contentEnd)));
            at = next;
        }
        return parts;
    }

    private static Part part(String headers, int start, int end) {
        String name = "";
        boolean file = false;
        String contentType = null;
        for (String line : headers.split("\r?\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher m = NAME.matcher(line);
                if (m.find()) {
                    name = m.group(1) != null ? m.group(1) : m.group(2);
                }
                file = lower.contains("filename");
            } else if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return new Part(name, file, contentType, start, end);
    }
}
