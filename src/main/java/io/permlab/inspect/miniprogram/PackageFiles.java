package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one or more .wxapkg packages (a main package and its subpackages), read in memory. The first package
 * holding a path wins; the same path in a later package is reported as a problem by the caller. Evidence names a file
 * by its path in a single package, and as "sub.wxapkg!/path" when the target is a folder of packages.
 */
final class PackageFiles implements MiniProgramFiles {
    private final List<Wxapkg> packages;
    private final Map<String, Wxapkg> byPath = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<String> paths;
    private final boolean prefixed;

    /**
     * @param prefixed whether evidence names files "pkg.wxapkg!/path" (a folder of packages), or by path alone (one package)
     */
    PackageFiles(List<Wxapkg> packages, boolean prefixed) {
        this.packages = List.copyOf(packages);
        this.prefixed = prefixed;
        for (Wxapkg p : packages) {
            for (String path : p.paths()) {
                if (byPath.putIfAbsent(path, p) != null) {
                    duplicates.add(p.name() + "!/" + path + " is also in " + byPath.get(path).name() + "; the first was read");
                }
            }
        }
        this.paths = byPath.keySet().stream().sorted().toList();
    }

    List<String> duplicates() {
        return duplicates;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public boolean exists(String path) {
        return byPath.containsKey(path);
    }

    @Override
    public byte[] bytes(String path) throws InspectionException {
        Wxapkg p = byPath.get(path);
        if (p == null) {
            throw new InspectionException(path, "no such file in the package");
        }
        return p.bytes(path);
    }

    @Override
    public long size(String path) throws InspectionException {
        Wxapkg p = byPath.get(path);
        if (p == null) {
            throw new InspectionException(path, "no such file in the package");
        }
        return p.size(path);
    }

    @Override
    public String shown(String path) {
        Wxapkg p = byPath.get(path);
        return prefixed && p != null ? fileName(p.name()) + "!/" + path : path;
    }

    @Override
    public String display(String path) {
        Wxapkg p = byPath.get(path);
        return (p == null ? packages.get(0).name() : p.name()) + "!/" + path;
    }

    @Override
    public List<String> packages() {
        return packages.stream().map(p -> fileName(p.name())).toList();
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
