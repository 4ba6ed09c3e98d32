package io.permlab.model.miniprogram;

/**
 * A URL the code talks to or names: the url of a request/uploadFile/downloadFile call ({@code via} is the API), or a
 * string literal that is a URL ({@code via} "literal"). Parts computed at run time appear as {@code ${expression}}.
 */
public record Endpoint(String url, String via, CodeLocation at, String owner) {
}
