package io.permlab.knowledge;

/** A category name that is neither a category id nor a Chinese or English category name. */
public class UnknownCategoryException extends RuntimeException {
    public UnknownCategoryException(String given, String suggestions) {
        super("unknown category '" + given + "'" + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions + "?)")
                + "; 'permlab categories' lists all 39");
    }
}
