package io.permlab.pipeline;

import io.permlab.json.JsonNode;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.TargetText;
import io.permlab.pipeline.TargetDescriptor.TargetFileException;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads target.json's {@code "wechat"} block (kind miniprogram only): {@code appId} or {@code scheme}, {@code path},
 * {@code query}, {@code package}. Every error names the field. The URL ends up in an {@code adb shell am start}
 * command line, so characters a shell would read are refused here rather than quoted there.
 */
final class WeChatBlock {
    private static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]+");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");
    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");
    private static final Set<String> FIELDS = Set.of("appId", "scheme", "path", "query", "package");

    private WeChatBlock() {
    }

    /** The block, or null when target.json has none. */
    static WeChatLaunch read(Path file, JsonNode.Obj target, boolean miniProgram) throws TargetFileException {
        JsonNode e = target.get("wechat");
        if (e == null || e instanceof JsonNode.Null) {
            return null;
        }
        if (!miniProgram) {
            throw new TargetFileException(file, "field 'wechat' is only for kind miniprogram (a mini-program opened inside WeChat on a device)");
        }
        if (!(e instanceof JsonNode.Obj o)) {
            throw new TargetFileException(file, "field 'wechat' must be an object {appId | scheme, path, query, package}");
        }
        for (String key : o.members().keySet()) {
            if (!FIELDS.contains(key)) {
                throw new TargetFileException(file, "field 'wechat." + key + "' is unknown (known: appId, scheme, path, query, package)");
            }
        }
        String appId = text(file, o, "appId");
        String scheme = text(file, o, "scheme");
        String path = text(file, o, "path");
        String query = text(file, o, "query");
        String pkg = text(file, o, "package");
        if (appId != null && !APP_ID.matcher(appId).matches()) {
            throw new TargetFileException(file, "field 'wechat.appId' must be a mini-program AppID such as \"wx0123456789abcdef\" "
                    + "(wx and 16 hex digits), not '" + appId + "'");
        }
        if (scheme != null && (!scheme.startsWith(WeChatLaunch.SCHEME_PREFIX) || !SAFE.matcher(scheme).matches())) {
            throw new TargetFileException(file, "field 'wechat.scheme' must be a WeChat URL scheme starting with '"
                    + WeChatLaunch.SCHEME_PREFIX + "' and holding only URL characters (no spaces or quotes), not '" + scheme + "'");
        }
        if (scheme == null && appId == null) {
            throw new TargetFileException(file, "field 'wechat.appId' is required when 'wechat.scheme' is not given "
                    + "(PermLab then opens weixin://dl/business/?appid=…)");
        }
        if (scheme != null && (path != null || query != null)) {
            throw new TargetFileException(file, "field 'wechat." + (path != null ? "path" : "query") + "' cannot go with "
                    + "'wechat.scheme': a generated scheme already names its page");
        }
        if (path != null && !PATH.matcher(path).matches()) {
            throw new TargetFileException(file, "field 'wechat.path' must be a page path such as \"pages/index/index\" "
                    + "(no leading slash, no query), not '" + path + "'");
        }
        if (pkg != null && !APPLICATION_ID.matcher(pkg).matches()) {
            throw new TargetFileException(file, "field 'wechat.package' must be an application id such as \"com.tencent.mm\", not '" + pkg + "'");
        }
        return new WeChatLaunch(appId, scheme, path, query, pkg);
    }

    private static String text(Path file, JsonNode.Obj o, String field) throws TargetFileException {
        JsonNode e = o.get(field);
        if (e == null || e instanceof JsonNode.Null) {
            return null;
        }
        if (!(e instanceof JsonNode.Str s)) {
            throw new TargetFileException(file, "field 'wechat." + field + "' must be a string");
        }
        String value = TargetText.clean(s.text());
        return value.isBlank() ? null : value;
    }
}
