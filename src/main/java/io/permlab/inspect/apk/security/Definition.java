package io.permlab.inspect.apk.security;

import java.util.List;

/** A method an app implements whose body decides whether TLS protects anything: matched by name and prototype. */
enum Definition {
    CHECK_SERVER_TRUSTED,
    VERIFY_HOSTNAME;

    private static final String CHAIN = "[Ljava/security/cert/X509Certificate;";

    static Definition of(String name, List<String> parameterTypes, String returnType) {
        if (name.equals("checkServerTrusted") && returnType.equals("V") && parameterTypes.size() >= 2
                && parameterTypes.get(0).equals(CHAIN) && parameterTypes.get(1).equals("Ljava/lang/String;")) {
            return CHECK_SERVER_TRUSTED; // X509TrustManager's, and X509ExtendedTrustManager's with a Socket or SSLEngine
        }
        if (name.equals("verify") && returnType.equals("Z")
                && parameterTypes.equals(List.of("Ljava/lang/String;", "Ljavax/net/ssl/SSLSession;"))) {
            return VERIFY_HOSTNAME;
        }
        return null;
    }
}
