package io.permlab.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /rules/<RULE-ID>.json} from the test classpath: {"rule": id, "cases": [{"name", "fixture", "category"?,
 * "expect": [{"count", "severity"?, "messageContains"?, "messageLacks"?, "evidenceContains"?}]}]}. Unknown keys are
 * errors, so a misspelt criterion cannot silently match everything.
 */
final class RuleCaseFile {
    private static final Set<String> FILE_KEYS = Set.of("rule", "cases");
    private static final Set<String> CASE_KEYS = Set.of("name", "fixture", "category", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("count", "severity", "messageContains", "messageLacks", "evidenceContains");

    private RuleCaseFile() {
    }

    static String resource(String ruleId) {
        return "/rules/" + ruleId + ".json";
    }

    static boolean exists(String ruleId) {
        return RuleCaseFile.class.getResource(resource(ruleId)) != null;
    }

    static List<RuleCase> load(String ruleId) {
        String resource = resource(ruleId);
        try (InputStream in = RuleCaseFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no case file " + resource + " on the test classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(resource, ruleId, JsonParser.parseReader(reader).getAsJsonObject());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static List<RuleCase> parse(String where, String ruleId, JsonObject file) {
        checkKeys(where, file, FILE_KEYS);
        if (!ruleId.equals(string(file, "rule"))) {
            throw new IllegalStateException(where + " declares rule '" + string(file, "rule") + "', expected " + ruleId);
        }
        List<RuleCase> cases = new ArrayList<>();
        for (JsonElement element : file.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            String caseWhere = where + " case '" + string(c, "name") + "'";
            checkKeys(caseWhere, c, CASE_KEYS);
            List<Expectation> expect = new ArrayList<>();
            JsonArray list = c.getAsJsonArray("expect");
            if (list == null || list.isEmpty()) {
                throw new IllegalStateException(caseWhere + " has no expectations");
            }
            for (JsonElement e : list) {
                JsonObject x = e.getAsJsonObject();
                checkKeys(caseWhere, x, EXPECT_KEYS);
                if (!x.has("count")) {
                    throw new IllegalStateException(caseWhere + ": every expectation needs a count");
                }
                expect.add(new Expectation(x.get("count").getAsInt(), string(x, "severity"), string(x, "messageContains"),
                        string(x, "messageLacks"), string(x, "evidenceContains")));
            }
            cases.add(new RuleCase(string(c, "name"), string(c, "fixture"), string(c, "category"), expect));
        }
        return cases;
    }

    private static void checkKeys(String where, JsonObject o, Set<String> allowed) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalStateException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
