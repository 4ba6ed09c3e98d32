package io.permlab.report.allure;

import com.google.gson.JsonObject;

/** One *-result.json and, when the result has evidence to show, the attachment it references. */
record AllureResult(String uuid, JsonObject json, Attachment attachment) {

    /** {@code fileName} is the attachment's "source" in the result: the file beside the results. */
    record Attachment(String fileName, String content) {
    }
}
