package io.permlab.report.junit;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over XMLStreamWriter: indentation for people reading the file, and removal of characters XML 1.0
 * cannot carry at all (control characters from an APK's strings would otherwise make the whole file unparsable).
 */
final class Xml {
    private final XMLStreamWriter out;

    Xml(XMLStreamWriter out) {
        this.out = out;
    }

    void startDocument() throws XMLStreamException {
        out.writeStartDocument("UTF-8", "1.0");
    }

    void endDocument() throws XMLStreamException {
        out.writeCharacters("\n");
        out.writeEndDocument();
    }

    void start(int depth, String element) throws XMLStreamException {
        indent(depth);
        out.writeStartElement(element);
    }

    void empty(int depth, String element) throws XMLStreamException {
        indent(depth);
        out.writeEmptyElement(element);
    }

    void end(int depth) throws XMLStreamException {
        indent(depth);
        out.writeEndElement();
    }

    /** Ends an element whose content is text, without indenting (the indentation would become part of the text). */
    void endInline() throws XMLStreamException {
        out.writeEndElement();
    }

    void attribute(String name, String value) throws XMLStreamException {
        out.writeAttribute(name, clean(value == null ? "" : value));
    }

    void attribute(String name, int value) throws XMLStreamException {
        out.writeAttribute(name, Integer.toString(value));
    }

    void text(String text) throws XMLStreamException {
        out.writeCharacters(clean(text));
    }

    private void indent(int depth) throws XMLStreamException {
        out.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Replaces what XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) with U+FFFD. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(allowed(c) ? c : '\uFFFD');
            }
        }
        return sb.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
