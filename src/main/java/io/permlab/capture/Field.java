package io.permlab.capture;

/** A named value: a query or form parameter, a cookie, a header, a multipart part, a storage entry. */
record Field(String name, String value) {
}
