package io.permlab.model.dynamic;

/**
 * A persona value seen in traffic or storage: which field, in which encoding (PLAIN, URL, BASE64, HEX, MD5, SHA1,
 * SHA256), where (the PI scanner's where strings: "url query phone", "body $.a.b", "response $.data[0].mobile",
 * "localStorage key"), and a masked excerpt of what was seen.
 */
public record PersonaSighting(String field, String encoding, String where, String maskedExcerpt) {
}
