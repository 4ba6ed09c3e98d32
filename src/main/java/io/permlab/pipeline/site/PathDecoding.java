package io.permlab.pipeline.site;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Percent-decoding of a request path as UTF-8. Unlike {@code URLDecoder} it leaves '+' alone (that rule is for
 * form data, not paths) and refuses malformed escapes, unescaped non-ASCII and invalid UTF-8 instead of guessing.
 */
final class PathDecoding {
    private PathDecoding() {
    }

    static Optional<String> decode(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty(); // browsers percent-encode non-ASCII; raw bytes would be read as Latin-1
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
