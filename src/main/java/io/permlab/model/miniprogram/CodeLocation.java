package io.permlab.model.miniprogram;

/**
 * A place in a mini-program's files: the path inside the mini-program ("pages/address/address.js", or
 * "sub.wxapkg!/pages/x.js" when the target is several packages), 1-based line and column, and the code around it.
 */
public record CodeLocation(String file, int line, int column, String excerpt) {
}
