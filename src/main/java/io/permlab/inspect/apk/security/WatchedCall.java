package io.permlab.inspect.apk.security;

import java.util.List;

/**
 * A platform method whose call sites the security analysis looks at, matched by name and parameter types (the
 * defining class may be the app's own subclass, e.g. a custom WebView or Activity), with the argument that matters.
 * {@code argument} counts the receiver of an instance method as 0.
 */
enum WatchedCall {
    SSL_PROCEED("proceed", List.of(), -1),
    ADD_JAVASCRIPT_INTERFACE("addJavascriptInterface", List.of("Ljava/lang/Object;", "Ljava/lang/String;"), -1),
    OPEN_FILE_OUTPUT("openFileOutput", List.of("Ljava/lang/String;", "I"), 2),
    GET_SHARED_PREFERENCES("getSharedPreferences", List.of("Ljava/lang/String;", "I"), 2),
    GET_DIR("getDir", List.of("Ljava/lang/String;", "I"), 2),
    OPEN_OR_CREATE_DATABASE("openOrCreateDatabase", List.of("Ljava/lang/String;", "I", "Landroid/database/sqlite/SQLiteDatabase$CursorFactory;"), 2),
    OPEN_OR_CREATE_DATABASE_WITH_HANDLER("openOrCreateDatabase", List.of("Ljava/lang/String;", "I",
            "Landroid/database/sqlite/SQLiteDatabase$CursorFactory;", "Landroid/database/DatabaseErrorHandler;"), 2),
    CIPHER_GET_INSTANCE("getInstance", null, 0),
    SECRET_KEY_SPEC("<init>", null, 1),
    PUT_STRING("putString", List.of("Ljava/lang/String;", "Ljava/lang/String;"), 1);

    private static final String SSL_ERROR_HANDLER = "SslErrorHandler;";
    private static final String CIPHER = "Ljavax/crypto/Cipher;";
    private static final String KEY_SPEC = "Ljavax/crypto/spec/SecretKeySpec;";
    private static final String EDITOR = "Landroid/content/SharedPreferences$Editor;";

    final String name;
    final List<String> parameters;
    final int argument;

    WatchedCall(String name, List<String> parameters, int argument) {
        this.name = name;
        this.parameters = parameters;
        this.argument = argument;
    }

    /** Which watched call a method reference is, or null. Cheap for the common case: the name is checked first. */
    static WatchedCall of(String definingClass, String name, List<String> parameterTypes) {
        for (WatchedCall w : values()) {
            if (w.name.equals(name) && w.matches(definingClass, parameterTypes)) {
                return w;
            }
        }
        return null;
    }

    private boolean matches(String definingClass, List<String> types) {
        return switch (this) {
            // the platform's android.webkit handler and the X5/UC copies (com.tencent.smtt...SslErrorHandler)
            case SSL_PROCEED -> definingClass.endsWith(SSL_ERROR_HANDLER) && types.isEmpty();
            case CIPHER_GET_INSTANCE -> definingClass.equals(CIPHER) && !types.isEmpty() && types.get(0).equals("Ljava/lang/String;");
            case SECRET_KEY_SPEC -> definingClass.equals(KEY_SPEC) && (types.equals(List.of("[B", "Ljava/lang/String;"))
                    || types.equals(List.of("[B", "I", "I", "Ljava/lang/String;")));
            case PUT_STRING -> definingClass.equals(EDITOR) && types.equals(parameters);
            default -> types.equals(parameters) && !definingClass.startsWith("Ljava/");
        };
    }

    /** The register holding the argument that matters, given the registers of the invoke in order. */
    int argumentRegister(List<Integer> registers) {
        return argument >= 0 && argument < registers.size() ? registers.get(argument) : -1;
    }
}
