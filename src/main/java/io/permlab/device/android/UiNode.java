package io.permlab.device.android;

import java.util.List;
import java.util.stream.Stream;

/** One element of a UiAutomator2 page source, with the attributes dialog recognition reads. */
public record UiNode(String className, String packageName, String text, String resourceId, boolean clickable,
                     boolean checkable, boolean checked, List<UiNode> children) {
    public UiNode {
        children = List.copyOf(children);
    }

    /** This node and all below it, depth first in document order. */
    public Stream<UiNode> flatten() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(UiNode::flatten));
    }

    /** The entry name of the resource-id ("permission_allow_button" of "com.android.permissioncontroller:id/..."). */
    public String idName() {
        int slash = resourceId.indexOf(":id/");
        return slash < 0 ? resourceId : resourceId.substring(slash + 4);
    }
}
