package io.permlab.model.miniprogram;

import java.util.List;

/** A subpackage of app.json ({@code subpackages} or {@code subPackages}): its root folder and its pages, root-relative. */
public record SubPackage(String root, List<String> pages, boolean independent) {
    public SubPackage {
        pages = List.copyOf(pages);
    }
}
