package io.permlab.device.android;

import io.permlab.device.android.DialogRecognition.NotAPermissionDialog;
import io.permlab.device.android.DialogRecognition.PermissionDialog;
import io.permlab.device.android.DialogRecognition.PermissionDialog.Basis;
import io.permlab.device.android.DialogRecognition.UnrecognisedDialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a runtime-permission dialog in a UiAutomator2 page source, never by guessing: a window of a package the
 * catalogue knows (the AOSP package installer / permission controller, or an OEM skin) is read by its resource ids
 * first, then, for OEM skins only, by its labels; a window of any other package that offers something to tap is an
 * unrecognised dialog, kept with its texts; the app's own windows are not permission dialogs, whatever their buttons
 * say.
 */
public final class PermissionDialogRecognizer {
    /** Windows that may share the screen with anything (status and navigation bars) and never ask for permissions. */
    private static final Set<String> BYSTANDERS = Set.of("com.android.systemui");
    private static final String AOSP = "AOSP";

    private final DialogCatalogue catalogue;

    public PermissionDialogRecognizer(DialogCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public DialogRecognition recognize(String pageSource, String appPackage) {
        return recognize(pageSource, appPackage, "page source");
    }

    /** {@code sourceName} (the recorded file, say) is what an error about unreadable XML names. */
    public DialogRecognition recognize(String pageSource, String appPackage, String sourceName) {
        List<UiNode> nodes = PageSource.parse(pageSource, sourceName).children().stream().flatMap(UiNode::flatten).toList();
        Optional<String> dialogPackage = nodes.stream().map(UiNode::packageName)
                .filter(p -> catalogue.skinOf(p).isPresent()).findFirst();
        if (dialogPackage.isPresent()) {
            String pkg = dialogPackage.get();
            return read(pkg, nodes.stream().filter(n -> n.packageName().equals(pkg)).toList());
        }
        List<UiNode> foreign = nodes.stream().filter(n -> !n.packageName().isEmpty() && !n.packageName().equals(appPackage)
                && !BYSTANDERS.contains(n.packageName())).toList();
        Optional<UiNode> tappable = foreign.stream().filter(n -> n.clickable() || n.checkable()).findFirst();
        if (tappable.isEmpty()) {
            return new NotAPermissionDialog(foreign.isEmpty() ? "only " + appPackage + " is on screen"
                    : "no window of another package offers anything to tap");
        }
        String pkg = tappable.get().packageName();
        return new UnrecognisedDialog(pkg, pkg + " shows a dialog that no permission-dialog rule knows", texts(foreign, pkg));
    }

    private DialogRecognition read(String pkg, List<UiNode> window) {
        Basis basis = Basis.RESOURCE_ID;
        List<OfferedChoice> choices = byResourceId(window);
        // AOSP dialogs always carry their ids; AOSP's settings screens share their labels, so labels are for OEM skins.
        if (choices.isEmpty() && !AOSP.equals(catalogue.skinOf(pkg).orElseThrow())) {
            basis = Basis.LABEL;
            choices = byLabel(pkg, window);
        }
        if (choices.isEmpty()) {
            return new UnrecognisedDialog(pkg, pkg + " shows a window with none of the known permission choices",
                    texts(window, pkg));
        }
        String message = message(window, choices);
        Optional<DialogCatalogue.Group> group = catalogue.groupNamedIn(message);
        return new PermissionDialog(pkg, catalogue.skinOf(pkg).orElseThrow(), basis, message,
                group.map(DialogCatalogue.Group::id).orElse(null),
                group.map(DialogCatalogue.Group::permissions).orElse(List.of()), choices);
    }

    private List<OfferedChoice> byResourceId(List<UiNode> window) {
        List<OfferedChoice> choices = new ArrayList<>();
        for (UiNode n : window) {
            if (!n.clickable() && !n.checkable()) {
                continue;
            }
            catalogue.choiceForId(n.idName()).ifPresent(choice -> {
                // Android 10's location "Allow" button means "all the time": only its label says so.
                Choice refined = choice == Choice.ALLOW && catalogue.choiceForLabel(n.text()).orElse(choice) == Choice.ALLOW_ALWAYS
                        ? Choice.ALLOW_ALWAYS : choice;
                choices.add(new OfferedChoice(refined, n.text(), Locator.byResourceId(n.resourceId()), n.checked()));
            });
        }
        return choices;
    }

    private List<OfferedChoice> byLabel(String pkg, List<UiNode> window) {
        List<OfferedChoice> choices = new ArrayList<>();
        for (UiNode n : window) {
            if ((!n.clickable() && !n.checkable()) || n.text().isBlank()) {
                continue;
            }
            catalogue.choiceForLabel(n.text()).ifPresent(choice ->
                    choices.add(new OfferedChoice(choice, n.text(), locator(pkg, n, window), n.checked())));
        }
        return choices;
    }

    /** The node's resource-id when no other node shares it, else its label within the dialog's package. */
    private static Locator locator(String pkg, UiNode node, List<UiNode> window) {
        boolean unique = !node.resourceId().isEmpty()
                && window.stream().filter(n -> n.resourceId().equals(node.resourceId())).count() == 1;
        return unique ? Locator.byResourceId(node.resourceId()) : Locator.byText(pkg, node.text());
    }

    private String message(List<UiNode> window, List<OfferedChoice> choices) {
        for (String id : catalogue.messageIds()) {
            Optional<String> text = window.stream().filter(n -> n.idName().equals(id) && !n.text().isBlank())
                    .map(UiNode::text).findFirst();
            if (text.isPresent()) {
                return text.get();
            }
        }
        Set<String> labels = Set.copyOf(choices.stream().map(OfferedChoice::label).toList());
        return window.stream().map(UiNode::text).filter(t -> !t.isBlank() && !labels.contains(t))
                .reduce((a, b) -> b.length() > a.length() ? b : a).orElse("");
    }

    private static List<String> texts(List<UiNode> nodes, String pkg) {
        return nodes.stream().filter(n -> n.packageName().equals(pkg) && !n.text().isBlank()).map(UiNode::text).toList();
    }
}
