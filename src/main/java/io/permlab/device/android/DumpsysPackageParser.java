package io.permlab.device.android;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code adb shell dumpsys package PKG} into a {@link PackageState}. The layout is AOSP's
 * Settings.dumpPackageLPr (Android 6 to 15): a "Package [name] (hash):" block under "Packages:" whose fields sit one
 * indent deeper, with "requested permissions:", "install permissions:" and, per "User N:", "runtime permissions:".
 * Sections are told apart by indentation, so overlay paths, components and the next package never leak in. Fields this
 * reader does not need are skipped; a line inside a permission section that does not read as one is an error.
 */
public final class DumpsysPackageParser {
    private static final Pattern PACKAGE_HEADER = Pattern.compile("Package \\[([^\\]]+)\\] \\([0-9a-fA-F]+\\):");
    private static final Pattern SHARED_USER_HEADER = Pattern.compile("SharedUser \\[([^\\]]+)\\] \\([0-9a-fA-F]+\\):");
    private static final Pattern USER_HEADER = Pattern.compile("User (\\d+):(.*)");
    private static final Pattern INSTALLED = Pattern.compile("\\binstalled=(true|false)\\b");
    private static final Pattern SHARED_USER_FIELD = Pattern.compile("sharedUser=SharedUserSetting\\{\\S+ ([^/}]+)/\\d+}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$-]+");
    private static final Pattern NAMED_ENTRY = Pattern.compile("(" + NAME + ")(?::\\s.*)?");
    private static final Pattern GRANT = Pattern.compile(
            "(" + NAME + "): granted=(true|false)(?:, flags=\\[([^\\]]*)\\])?(?:, userId=(\\d+))?");

    private enum Section { NONE, REQUESTED, DECLARED, INSTALL, RUNTIME, OTHER }

    public PackageState parse(String output, String packageName) {
        String source = "dumpsys package " + packageName;
        List<String> lines = output.lines().toList();
        int[] block = findBlock(lines, "Packages:", PACKAGE_HEADER, packageName);
        if (block == null) {
            throw new DeviceOutputException(source, 0, "no \"Package [" + packageName + "]\" block under \"Packages:\""
                    + " (not installed, or not the output of dumpsys package)");
        }
        Reader reader = new Reader(source, lines, false);
        reader.read(block);
        if (reader.sharedUser != null) {
            int[] shared = findBlock(lines, "Shared users:", SHARED_USER_HEADER, reader.sharedUser);
            if (shared != null) {
                new Reader(source, lines, true).into(reader).read(shared);
            }
        }
        return reader.build(packageName);
    }

    /** The header line and the end (exclusive) of the named block inside a top-level section, or null. */
    private static int[] findBlock(List<String> lines, String section, Pattern header, String name) {
        boolean inSection = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && indent(line) == 0) {
                inSection = line.trim().equals(section);
                continue;
            }
            Matcher m = header.matcher(line.trim());
            if (inSection && m.matches() && m.group(1).equals(name)) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).isBlank() && indent(lines.get(end)) > indent(line)) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return null;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static Set<String> flags(String printed) {
        Set<String> flags = new LinkedHashSet<>();
        if (printed != null) {
            for (String flag : printed.trim().split("[|\\s]+")) {
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }

    /** Walks one block line by line; for a shared uid it adds permissions to the package's reader. */
    private static final class Reader {
        private final String source;
        private final List<String> lines;
        private final boolean sharedUidBlock;
        private Reader target = this;
        private String versionName;
        private Long versionCode;
        private Integer minSdk;
        private Integer targetSdk;
        private String sharedUser;
        private final List<String> requested = new ArrayList<>();
        private final List<String> declared = new ArrayList<>();
        private final List<InstallPermission> install = new ArrayList<>();
        private final Map<Integer, Boolean> installed = new LinkedHashMap<>();
        private final Map<Integer, Map<String, RuntimePermission>> runtime = new LinkedHashMap<>();

        Reader(String source, List<String> lines, boolean sharedUidBlock) {
            this.source = source;
            this.lines = lines;
            this.sharedUidBlock = sharedUidBlock;
        }

        Reader into(Reader packageReader) {
            this.target = packageReader;
            return this;
        }

        void read(int[] block) {
            boolean keepInstall = !sharedUidBlock || target.install.isEmpty();
            Section section = Section.NONE;
            int sectionIndent = 0;
            Integer user = null;
            int userIndent = 0;
            for (int i = block[0] + 1; i < block[1]; i++) {
                String line = lines.get(i);
                int indent = indent(line);
                String text = line.trim();
                if (section != Section.NONE && indent > sectionIndent) {
                    entry(section, text, i + 1, user, keepInstall);
                    continue;
                }
                section = Section.NONE;
                if (user != null && indent <= userIndent) {
                    user = null;
                }
                Matcher userHeader = USER_HEADER.matcher(text);
                if (userHeader.matches()) {
                    user = Integer.parseInt(userHeader.group(1));
                    userIndent = indent;
                    target.runtime.computeIfAbsent(user, u -> new LinkedHashMap<>());
                    Matcher inst = INSTALLED.matcher(userHeader.group(2));
                    if (inst.find()) {
                        target.installed.put(user, Boolean.parseBoolean(inst.group(1)));
                    }
                } else if (text.endsWith(":")) {
                    section = section(text, user, i + 1);
                    sectionIndent = indent;
                } else if (!sharedUidBlock && user == null) {
                    field(text, i + 1);
                }
            }
        }

        private Section section(String header, Integer user, int lineNo) {
            return switch (header) {
                case "requested permissions:" -> Section.REQUESTED;
                case "declared permissions:" -> Section.DECLARED;
                case "install permissions:" -> Section.INSTALL;
                case "runtime permissions:" -> {
                    if (user == null) {
                        throw new DeviceOutputException(source, lineNo, "\"runtime permissions:\" outside any \"User N:\"");
                    }
                    yield Section.RUNTIME;
                }
                default -> Section.OTHER;
            };
        }

        private void entry(Section section, String text, int lineNo, Integer user, boolean keepInstall) {
            switch (section) {
                case REQUESTED, DECLARED -> {
                    Matcher m = NAMED_ENTRY.matcher(text);
                    if (!m.matches()) {
                        throw unreadable(lineNo, section == Section.REQUESTED ? "requested permission" : "declared permission", text);
                    }
                    (section == Section.REQUESTED ? target.requested : target.declared).add(m.group(1));
                }
                case INSTALL -> {
                    Matcher m = grant(text, lineNo, "install permission");
                    if (keepInstall) {
                        Integer userId = m.group(4) == null ? null : Integer.valueOf(m.group(4));
                        target.install.add(new InstallPermission(m.group(1), Boolean.parseBoolean(m.group(2)), flags(m.group(3)), userId));
                    }
                }
                case RUNTIME -> {
                    Matcher m = grant(text, lineNo, "runtime permission");
                    target.runtime.get(user).put(m.group(1),
                            new RuntimePermission(m.group(1), Boolean.parseBoolean(m.group(2)), flags(m.group(3))));
                }
                default -> { }
            }
        }

        private Matcher grant(String text, int lineNo, String what) {
            Matcher m = GRANT.matcher(text);
            if (!m.matches()) {
                throw unreadable(lineNo, what, text);
            }
            return m;
        }

        private DeviceOutputException unreadable(int lineNo, String what, String text) {
            return new DeviceOutputException(source, lineNo, "unreadable " + what + " line \"" + text + "\"");
        }

        private void field(String text, int lineNo) {
            if (text.startsWith("versionName=")) {
                versionName = text.substring("versionName=".length());
                return;
            }
            Matcher shared = SHARED_USER_FIELD.matcher(text);
            if (shared.matches()) {
                sharedUser = shared.group(1);
                return;
            }
            if (!text.startsWith("versionCode=")) {
                return;
            }
            for (String token : text.split("\\s+")) {
                String[] kv = token.split("=", 2);
                try {
                    switch (kv[0]) {
                        case "versionCode" -> versionCode = Long.parseLong(kv[1]);
                        case "minSdk" -> minSdk = Integer.parseInt(kv[1]);
                        case "targetSdk" -> targetSdk = Integer.parseInt(kv[1]);
                        default -> { }
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new DeviceOutputException(source, lineNo, "unreadable number in \"" + token + "\"", e);
                }
            }
        }

        PackageState build(String packageName) {
            Map<Integer, UserPermissions> users = new LinkedHashMap<>();
            runtime.forEach((id, perms) -> users.put(id, new UserPermissions(id, installed.get(id), perms)));
            return new PackageState(packageName, versionName, versionCode, minSdk, targetSdk, sharedUser, requested,
                    declared, install, users);
        }
    }
}
