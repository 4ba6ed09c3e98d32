package io.permlab.device.android;

import io.permlab.device.android.WeChatSheetRecognition.AuthorizationSheet;
import io.permlab.device.android.WeChatSheetRecognition.NoSheet;
import io.permlab.device.android.WeChatSheetRecognition.UnrecognisedSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells WeChat's authorization sheet in a NATIVE_APP page source. Only WeChat's own native nodes count: anything inside
 * an android.webkit.WebView is the mini-program's page, whatever its buttons say. A clickable allow label and a
 * clickable deny label together make a sheet (WeChat's ids are obfuscated per build, so labels are all there is); the
 * scope is named by the sheet's texts (knowledge/wechat-auth-sheets.json). A sheet naming no known scope is
 * unrecognised and keeps its texts for the record.
 */
public final class WeChatSheetRecognizer {
    private final WeChatSheetCatalogue catalogue;

    public WeChatSheetRecognizer(WeChatSheetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public WeChatSheetRecognition recognize(String pageSource) {
        return recognize(pageSource, "page source");
    }

    public WeChatSheetRecognition recognize(String pageSource, String sourceName) {
        List<UiNode> nativeNodes = new ArrayList<>();
        collectNative(PageSource.parse(pageSource, sourceName), nativeNodes);
        List<OfferedChoice> choices = new ArrayList<>();
        List<String> buttonTexts = new ArrayList<>();
        for (UiNode n : nativeNodes) {
            if (!n.clickable() || n.text().isBlank()) {
                continue;
            }
            Choice choice = catalogue.allows(n.text()) ? Choice.ALLOW : catalogue.denies(n.text()) ? Choice.DENY : null;
            if (choice != null) {
                choices.add(new OfferedChoice(choice, n.text().trim(), locator(n, nativeNodes), n.checked()));
                buttonTexts.add(n.text());
            }
        }
        boolean allow = choices.stream().anyMatch(c -> c.choice() == Choice.ALLOW);
        boolean deny = choices.stream().anyMatch(c -> c.choice() == Choice.DENY);
        List<String> texts = nativeNodes.stream().map(UiNode::text).filter(t -> !t.isBlank()).toList();
        if (!allow && !deny) {
            return new NoSheet("no allow or deny button of " + catalogue.packageName() + " outside the mini-program's WebView");
        }
        if (!allow || !deny) {
            return new UnrecognisedSheet(catalogue.packageName() + " shows " + (allow ? "an allow" : "a deny")
                    + " button without its counterpart: not an authorization sheet PermLab knows", texts);
        }
        List<String> prose = texts.stream().filter(t -> !buttonTexts.contains(t)).toList();
        Optional<WeChatSheetCatalogue.Scope> scope = catalogue.scopeNamedIn(String.join("\n", prose));
        if (scope.isEmpty()) {
            return new UnrecognisedSheet(catalogue.packageName() + " shows an allow/deny sheet that names no scope "
                    + "wechat-auth-sheets.json knows", texts);
        }
        String title = prose.stream().filter(t -> catalogue.scopeNamedIn(t).filter(scope.get()::equals).isPresent())
                .findFirst().orElse("");
        String name = programName(prose, title);
        List<String> purpose = prose.stream().filter(t -> !t.equals(title) && !isNameLine(t, name)).toList();
        return new AuthorizationSheet(scope.get().id(), scope.get().permission(), scope.get().remembered(), name, title,
                String.join("\n", purpose), choices);
    }

    /** WeChat's native nodes, in document order, leaving out every WebView and what lies below it. */
    private void collectNative(UiNode node, List<UiNode> out) {
        if (node.className().contains("WebView")) {
            return;
        }
        if (node.packageName().equals(catalogue.packageName())) {
            out.add(node);
        }
        node.children().forEach(c -> collectNative(c, out));
    }

    /**
     * The program's name: the line that is only "NAME 申请" ("NAME requests"), or what precedes the request word in the
     * title ("NAME 申请获取你的位置信息"); empty when the sheet does not say.
     */
    private String programName(List<String> prose, String title) {
        for (String t : prose) {
            for (String word : catalogue.requestWords()) {
                String s = t.strip();
                if (s.endsWith(word) && s.length() > word.length()) {
                    return s.substring(0, s.length() - word.length()).strip();
                }
            }
        }
        for (String word : catalogue.requestWords()) {
            int at = title.indexOf(word);
            if (at > 0) {
                return title.substring(0, at).strip();
            }
        }
        return "";
    }

    /** "NAME", "NAME 申请" or "NAME申请": the line that only introduces the program. */
    private boolean isNameLine(String text, String name) {
        if (name.isEmpty()) {
            return false;
        }
        String line = text.strip();
        return line.equals(name) || catalogue.requestWords().stream().anyMatch(w -> line.equals(name + " " + w) || line.equals(name + w));
    }

    /** The node's resource-id when no other native node shares it, else its label outside any WebView. */
    private Locator locator(UiNode node, List<UiNode> nativeNodes) {
        boolean unique = !node.resourceId().isEmpty()
                && nativeNodes.stream().filter(n -> n.resourceId().equals(node.resourceId())).count() == 1;
        return unique ? Locator.byResourceId(node.resourceId()) : Locator.byNativeText(catalogue.packageName(), node.text());
    }
}
