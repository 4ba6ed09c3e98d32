package io.permlab.capture.bench;

import com.google.gson.stream.JsonReader;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams the entries of a HAR file back into observed exchanges, one at a time, so memory holds one entry. */
final class HarReader {
    private HarReader() {
    }

    static void read(Path har, Consumer<ObservedExchange> sink) throws IOException {
        try (Reader in = Files.newBufferedReader(har, StandardCharsets.UTF_8); JsonReader json = new JsonReader(in)) {
            json.beginObject();
            while (json.hasNext()) {
                if (!json.nextName().equals("log")) {
                    json.skipValue();
                    continue;
                }
                json.beginObject();
                while (json.hasNext()) {
                    if (json.nextName().equals("entries")) {
                        json.beginArray();
                        while (json.hasNext()) {
                            sink.accept(entry(json));
                        }
                        json.endArray();
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            }
        }
    }

    private static ObservedExchange entry(JsonReader json) throws IOException {
        Entry e = new Entry();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "startedDateTime" -> e.started = OffsetDateTime.parse(json.nextString()).toInstant();
                case "time" -> e.time = json.nextDouble();
                case "request" -> request(json, e);
                case "response" -> response(json, e);
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new ObservedExchange(e.url, e.started, e.time, e.method, e.url, e.version, e.requestHeaders, e.postText, e.status, e.statusText,
                e.responseHeaders, e.mime, e.text, e.base64, e.bodySize, e.error != null, e.error);
    }

    private static void request(JsonReader json, Entry e) throws IOException {
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "method" -> e.method = json.nextString();
                case "url" -> e.url = json.nextString();
                case "httpVersion" -> e.version = json.nextString();
                case "headers" -> e.requestHeaders = headers(json);
                case "postData" -> {
                    json.beginObject();
                    while (json.hasNext()) {
                        if (json.nextName().equals("text")) {
                            e.postText = json.nextString();
                        } else {
                            json.skipValue();
                        }
                    }
                    json.endObject();
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private static void response(JsonReader json, Entry e) throws IOException {
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "status" -> e.status = json.nextInt();
                case "statusText" -> e.statusText = json.nextString();
                case "headers" -> e.responseHeaders = headers(json);
                case "bodySize" -> e.bodySize = json.nextLong();
                case "_error" -> e.error = json.nextString();
                case "content" -> {
                    json.beginObject();
                    while (json.hasNext()) {
                        switch (json.nextName()) {
                            case "mimeType" -> e.mime = json.nextString();
                            case "text" -> e.text = json.nextString();
                            case "encoding" -> e.base64 = "base64".equals(json.nextString());
                            default -> json.skipValue();
                        }
                    }
                    json.endObject();
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private static List<Header> headers(JsonReader json) throws IOException {
        List<Header> headers = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String name = null;
            String value = null;
            json.beginObject();
            while (json.hasNext()) {
                String field = json.nextName();
                if (field.equals("name")) {
                    name = json.nextString();
                } else if (field.equals("value")) {
                    value = json.nextString();
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            headers.add(new Header(name, value));
        }
        json.endArray();
        return headers;
    }

    private static final class Entry {
        java.time.Instant started;
        double time;
        String method;
        String url;
        String version;
        List<Header> requestHeaders = List.of();
        String postText;
        int status;
        String statusText;
        List<Header> responseHeaders = List.of();
        String mime;
        String text;
        boolean base64;
        long bodySize = -1;
        String error;
    }
}
