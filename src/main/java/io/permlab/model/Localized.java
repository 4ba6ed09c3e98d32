package io.permlab.model;

/** A text in both report languages. Knowledge files and findings carry both; renderers pick one. */
public record Localized(String zh, String en) {
    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    public Localized map(java.util.function.UnaryOperator<String> f) {
        return new Localized(f.apply(zh), f.apply(en));
    }
}
