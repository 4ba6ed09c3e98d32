package io.permlab.inspect.apk;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.SafeZip;
import io.permlab.model.TargetText;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.DefinedPermission;
import io.permlab.model.apk.UsedFeature;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a binary AndroidManifest.xml through apktool's parser into {@link ManifestFacts}. Only the elements PermLab
 * needs are looked at; the rest is skipped without being decoded into text.
 */
final class ManifestParser {
    private static final Set<String> COMPONENTS = Set.of("activity", "activity-alias", "service", "receiver", "provider");

    private final ApktoolResources resources;
    private final String where;

    ManifestParser(ApktoolResources resources, String where) {
        this.resources = resources;
        this.where = where;
    }

    ManifestFacts parse(byte[] binaryXml) throws InspectionException {
        if (BinaryChunks.plainText(binaryXml)) {
            throw new InspectionException(where, "AndroidManifest.xml is plain-text XML, not compiled binary XML: an APK holds "
                    + "the manifest compiled by aapt (was the package zipped from sources?)");
        }
        if (binaryXml.length < 8) {
            throw new InspectionException(where, "AndroidManifest.xml is " + binaryXml.length + " bytes: corrupt binary manifest");
        }
        String damage = BinaryChunks.problem(binaryXml);
        if (damage != null) {
            throw new InspectionException(where, "corrupt binary AndroidManifest.xml: " + damage);
        }
        try {
            return walk(resources.parser(binaryXml));
        } catch (XmlPullParserException | IOException | RuntimeException | OutOfMemoryError | AssertionError e) {
            throw new InspectionException(where, "corrupt binary AndroidManifest.xml: " + ReadFailure.of(e), e);
        }
    }

    private ManifestFacts walk(XmlPullParser p) throws XmlPullParserException, IOException, InspectionException {
        Builder b = new Builder();
        int depth = 0;
        ComponentBuilder component = null;
        int componentDepth = -1;
        FilterState filter = null;
        int event;
        while ((event = p.next()) != XmlPullParser.END_DOCUMENT) {
            if (event == XmlPullParser.START_TAG) {
                depth++;
                Map<String, String> a = attributes(p);
                String tag = p.getName();
                if (depth == 1) {
                    if (tag == null) {
                        throw new InspectionException(where, "AndroidManifest.xml's root element has no name: its reference into the string pool is broken");
                    }
                    if (!"manifest".equals(tag)) {
                        throw new InspectionException(where, "AndroidManifest.xml has the root element <" + SafeZip.printable(tag) + ">, not <manifest>");
                    }
                    b.manifest(a);
                } else if (depth == 2) {
                    b.topLevel(tag, a);
                } else if (depth == 3 && COMPONENTS.contains(tag)) {
                    component = new ComponentBuilder(tag, a);
                    componentDepth = depth;
                } else if (component != null && "intent-filter".equals(tag)) {
                    filter = new FilterState();
                    component.hasIntentFilter = true;
                } else if (filter != null && "action".equals(tag)) {
                    filter.main |= "android.intent.action.MAIN".equals(a.get("name"));
                } else if (filter != null && "category".equals(tag)) {
                    filter.launcher |= "android.intent.category.LAUNCHER".equals(a.get("name"));
                }
            } else if (event == XmlPullParser.END_TAG) {
                if (filter != null && "intent-filter".equals(p.getName())) {
                    component.launcher |= filter.main && filter.launcher;
                    filter = null;
                }
                if (component != null && depth == componentDepth) {
                    b.components.add(component);
                    component = null;
                    componentDepth = -1;
                }
                depth--;
            }
        }
        if (b.packageName == null) {
            throw new InspectionException(where, "AndroidManifest.xml has no <manifest> element with a package attribute");
        }
        return b.build();
    }

    /** Attribute values by local name; apktool escapes some string values with a leading backslash, undone here. */
    private static Map<String, String> attributes(XmlPullParser p) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < p.getAttributeCount(); i++) {
            String v = TargetText.clean(p.getAttributeValue(i));
            if (v != null && v.length() > 1 && v.charAt(0) == '\\') {
                v = v.substring(1);
            }
            out.put(p.getAttributeName(i), v);
        }
        return out;
    }

    private static final class FilterState {
        boolean main;
        boolean launcher;
    }

    private static final class ComponentBuilder {
        final String type;
        final Map<String, String> attrs;
        boolean hasIntentFilter;
        boolean launcher;

        ComponentBuilder(String type, Map<String, String> attrs) {
            this.type = type;
            this.attrs = attrs;
        }
    }

    private static final class Builder {
        String packageName;
        String versionName;
        String versionCode;
        Integer compileSdk;
        Integer minSdk;
        Integer targetSdk;
        final List<DeclaredPermission> permissions = new ArrayList<>();
        final List<String> defined = new ArrayList<>();
        final List<DefinedPermission> definitions = new ArrayList<>();
        final List<UsedFeature> features = new ArrayList<>();
        ApplicationFlags application;
        final List<ComponentBuilder> components = new ArrayList<>();

        void manifest(Map<String, String> a) {
            packageName = blankToNull(a.get("package"));
            versionName = blankToNull(a.get("versionName"));
            versionCode = blankToNull(a.get("versionCode"));
            compileSdk = integer(a.getOrDefault("compileSdkVersion", a.get("platformBuildVersionCode")));
        }

        void topLevel(String tag, Map<String, String> a) {
            switch (tag) {
                case "uses-sdk" -> {
                    minSdk = integer(a.get("minSdkVersion"));
                    targetSdk = integer(a.get("targetSdkVersion"));
                }
                case "uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m" -> {
                    String name = blankToNull(a.get("name"));
                    if (name != null) {
                        permissions.add(new DeclaredPermission(name, integer(a.get("maxSdkVersion")), tag,
                                neverForLocation(a.get("usesPermissionFlags"))));
                    }
                }
                case "permission" -> {
                    String name = blankToNull(a.get("name"));
                    if (name != null) {
                        defined.add(name);
                        definitions.add(new DefinedPermission(name, protectionLevel(a.get("protectionLevel"))));
                    }
                }
                case "uses-feature" -> {
                    String name = blankToNull(a.get("name"));
                    if (name != null) {
                        features.add(new UsedFeature(name, !"false".equals(a.get("required"))));
                    }
                }
                case "application" -> application = new ApplicationFlags(qualify(a.get("name")),
                        bool(a.get("debuggable")), bool(a.get("allowBackup")), bool(a.get("usesCleartextTraffic")),
                        blankToNull(a.get("networkSecurityConfig")), blankToNull(a.get("dataExtractionRules")),
                        blankToNull(a.get("fullBackupContent")), qualify(a.get("backupAgent")), bool(a.get("fullBackupOnly")));
                default -> {
                    // queries, instrumentation, supports-screens...: not needed for the rules
                }
            }
        }

        ManifestFacts build() {
            int target = targetSdk != null ? targetSdk : (minSdk != null ? minSdk : 1);
            List<AppComponent> built = new ArrayList<>();
            for (ComponentBuilder c : components) {
                Boolean exportedAttr = bool(c.attrs.get("exported"));
                // Before API 31 an intent filter exports a component implicitly; providers were exported by default before API 17.
                boolean exported = exportedAttr != null ? exportedAttr
                        : c.hasIntentFilter || ("provider".equals(c.type) && target < 17);
                String permission = blankToNull(c.attrs.get("permission"));
                String read = blankToNull(c.attrs.get("readPermission"));
                String write = blankToNull(c.attrs.get("writePermission"));
                String attr = permission;
                if (permission == null && "provider".equals(c.type) && read != null && write != null) {
                    // A provider is protected only when both directions are; a read permission alone leaves writes open.
                    permission = read.equals(write) ? read : "read: " + read + ", write: " + write;
                }
                boolean provider = "provider".equals(c.type);
                built.add(new AppComponent(c.type, qualify(c.attrs.get("name")), exportedAttr, exported, permission,
                        c.hasIntentFilter, c.launcher, !"false".equals(c.attrs.get("enabled")),
                        provider ? (read != null ? read : attr) : null, provider ? (write != null ? write : attr) : null,
                        "service".equals(c.type) ? foregroundServiceTypes(c.attrs.get("foregroundServiceType")) : Set.of()));
            }
            return new ManifestFacts(packageName, versionName, versionCode, minSdk, targetSdk, compileSdk, permissions,
                    defined, features, application == null ? new ApplicationFlags(null, null, null, null, null, null, null) : application,
                    built, definitions);
        }

        private String qualify(String name) {
            name = blankToNull(name);
            if (name == null || packageName == null) {
                return name;
            }
            if (name.startsWith(".")) {
                return packageName + name;
            }
            return name.contains(".") ? name : packageName + "." + name;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.decode(s.trim());
        } catch (NumberFormatException e) {
            return null; // a codename such as "Tiramisu": no number to compare
        }
    }

    private static final int NEVER_FOR_LOCATION = 0x10000;

    /**
     * Whether android:usesPermissionFlags holds neverForLocation: the number a compiled manifest keeps (0x10000, the
     * platform's attrs_manifest.xml and PackageInfo.REQUESTED_PERMISSION_NEVER_FOR_LOCATION) or the name in text.
     */
    static boolean neverForLocation(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        Integer flags = integer(s);
        if (flags != null) {
            return (flags & NEVER_FOR_LOCATION) != 0;
        }
        return List.of(s.trim().split("\\s*\\|\\s*")).contains("neverForLocation");
    }

    /** foregroundServiceType bits of the types a rule reads (attrs_manifest.xml); other types are not kept. */
    private static final Map<Integer, String> SERVICE_TYPE_BITS = Map.of(0x08, "location", 0x40, "camera", 0x80, "microphone");

    /** The names in android:foregroundServiceType, from its number (compiled) or its names (text); only the types a rule reads. */
    static Set<String> foregroundServiceTypes(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        Integer flags = integer(s);
        if (flags != null) {
            Set<String> out = new HashSet<>();
            SERVICE_TYPE_BITS.forEach((bit, name) -> {
                if ((flags & bit) != 0) {
                    out.add(name);
                }
            });
            return out;
        }
        Set<String> names = new HashSet<>(List.of(s.trim().split("\\s*\\|\\s*")));
        names.retainAll(SERVICE_TYPE_BITS.values());
        return names;
    }

    private static final String[] PROTECTION_LEVELS = {"normal", "dangerous", "signature", "signatureOrSystem", "internal"};

    /**
     * The base protection level: compiled manifests hold the R.attr.protectionLevel flags as a number (base level in
     * the low four bits), apktool's text ones the names ("signature|privileged"); null when absent (Android: normal).
     */
    static String protectionLevel(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Integer flags = integer(s);
        if (flags != null) {
            int base = flags & 0xf;
            return base < PROTECTION_LEVELS.length ? PROTECTION_LEVELS[base] : String.valueOf(base);
        }
        String first = s.trim().split("\\|")[0];
        return first.equals("signatureOrSystem") || first.equals("system") ? "signatureOrSystem" : first;
    }

    private static Boolean bool(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null; // a resource reference: the value depends on configuration
    }
}
