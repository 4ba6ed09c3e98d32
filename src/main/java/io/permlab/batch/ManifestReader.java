package io.permlab.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.UnknownCategoryException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a campaign manifest: CSV (UTF-8 with or without a byte-order mark, or GBK as Chinese Excel saves it; quoted
 * fields, CRLF) or JSON (an array of objects, or {"apps": [...]}). Rows are numbered as a spreadsheet shows them (the
 * header is row 1). A row with a mistake is rejected with its row and column; the other rows run.
 */
public final class ManifestReader {
    private final KnowledgeBase knowledge;

    public ManifestReader(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public Manifest read(Path file) throws ManifestException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ManifestException("cannot read manifest " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        String text = decode(bytes);
        List<Map<ManifestColumns, String>> raw = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? json(file, text) : csv(file, text);
        return validate(file, raw, digest(bytes));
    }

    /** UTF-8 (a BOM dropped) when the bytes are valid UTF-8, else GBK: what Excel on a Chinese Windows writes. */
    private static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }

    private static List<Map<ManifestColumns, String>> csv(Path file, String text) throws ManifestException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Map<ManifestColumns, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, ManifestColumns> columns = new HashMap<>();
            for (String h : parser.getHeaderNames()) {
                ManifestColumns.of(h).ifPresent(c -> columns.put(h, c));
            }
            if (!columns.containsValue(ManifestColumns.TARGET)) {
                throw new ManifestException(file + ": row 1: no 'target' (目标) column among the headers " + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                Map<ManifestColumns, String> row = new EnumMap<>(ManifestColumns.class);
                columns.forEach((header, column) -> row.put(column, record.isSet(header) ? record.get(header) : null));
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a broken quote or a repeated header this way; its message names the line.
            throw new ManifestException(file + ": not a readable CSV manifest: " + e.getMessage());
        }
        return rows;
    }

    private static List<Map<ManifestColumns, String>> json(Path file, String text) throws ManifestException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new ManifestException(file + ": not a readable JSON manifest: " + e.getMessage());
        }
        JsonArray apps = root.isJsonArray() ? root.getAsJsonArray()
                : root.isJsonObject() && root.getAsJsonObject().get("apps") instanceof JsonArray a ? a : null;
        if (apps == null) {
            throw new ManifestException(file + ": a JSON manifest is an array of apps, or an object with an \"apps\" array");
        }
        List<Map<ManifestColumns, String>> rows = new ArrayList<>();
        for (JsonElement e : apps) {
            Map<ManifestColumns, String> row = new EnumMap<>(ManifestColumns.class);
            if (e.isJsonObject()) {
                for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
                    JsonElement v = field.getValue();
                    ManifestColumns.of(field.getKey()).ifPresent(c -> row.put(c, v.isJsonPrimitive() ? v.getAsString() : null));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private Manifest validate(Path file, List<Map<ManifestColumns, String>> raw, String digest) {
        Path base = file.toAbsolutePath().normalize().getParent();
        String shown = file.toString();
        List<ManifestRow> ok = new ArrayList<>();
        List<Manifest.RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<ManifestColumns, String> r = raw.get(i);
            int rowNo = i + 2; // the header is row 1, as a spreadsheet shows it
            List<ManifestProblem> problems = new ArrayList<>();
            String target = ManifestColumns.TARGET.in(r);
            Path targetPath = null;
            if (target == null) {
                problems.add(new ManifestProblem(shown, rowNo, "target", "missing: every app needs its APK, mini-program or target folder"));
            } else if (target.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
                problems.add(new ManifestProblem(shown, rowNo, "target", "'" + target + "' is a URL: an H5 app is given as a target "
                        + "folder whose target.json names the entry URL and the flows to run"));
            } else {
                targetPath = base.resolve(target).normalize();
                if (!Files.exists(targetPath)) {
                    problems.add(new ManifestProblem(shown, rowNo, "target", "points nowhere: " + targetPath + " does not exist"));
                }
            }
            String category = ManifestColumns.CATEGORY.in(r);
            if (category != null) {
                try {
                    category = knowledge.category(category).id();
                } catch (UnknownCategoryException e) {
                    problems.add(new ManifestProblem(shown, rowNo, "category", "unknown category '" + category + "' (permlab categories lists them)"));
                }
            }
            String device = ManifestColumns.DEVICE.in(r);
            Path devicePath = device == null ? null : base.resolve(device).normalize();
            if (devicePath != null && !Files.isRegularFile(devicePath)) {
                problems.add(new ManifestProblem(shown, rowNo, "device", "points nowhere: no device profile " + devicePath));
            }
            String name = ManifestColumns.NAME.in(r);
            if (name == null && targetPath != null) {
                name = targetPath.getFileName().toString();
            }
            ManifestRow row = new ManifestRow(rowNo, name, ManifestColumns.OPERATOR.in(r), ManifestColumns.VERSION.in(r), category,
                    target, targetPath, devicePath);
            if (problems.isEmpty()) {
                Integer first = seen.putIfAbsent(row.duplicateKey(), rowNo);
                if (first != null) {
                    problems.add(new ManifestProblem(shown, rowNo, "target", "duplicated row: row " + first
                            + " already inspects this target at this version"));
                }
            }
            if (problems.isEmpty()) {
                ok.add(row);
            } else {
                rejected.add(new Manifest.RejectedRow(rowNo, name, row.operator(), row.version(), problems));
            }
        }
        return new Manifest(file, ok, rejected, digest);
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
