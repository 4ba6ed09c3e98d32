package io.permlab.device.storage;

import io.permlab.exercise.ObservedStorage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A SharedPreferences file as Android writes it: AOSP {@code com.android.internal.util.XmlUtils.writeMapXml} /
 * {@code writeValueXml} — a {@code <map>} whose children are {@code <string name="k">text</string>},
 * {@code <int|long|float|double|boolean name="k" value="v"/>}, {@code <null name="k"/>} and
 * {@code <set name="k"><string>..</string>…</set>}. One entry per value; a set's strings are joined by line breaks.
 * Android 12+ may keep system files in binary XML ("ABX"); such a file is refused by name, never read as empty.
 */
public final class SharedPrefsXml {
    private SharedPrefsXml() {
    }

    /** The entries of {@code file} (its path in the app's folder, e.g. "shared_prefs/auth.xml"), area "shared_prefs". */
    public static List<ObservedStorage.Entry> parse(String xml, String file, String packageName) throws StorageException {
        if (xml.startsWith("ABX")) {
            throw new StorageException(file + ": Android binary XML (ABX), which PermLab does not decode");
        }
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXParseException e) {
            throw new StorageException(file + " line " + e.getLineNumber() + ": not a shared_prefs XML file: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new StorageException(file + ": not a shared_prefs XML file: " + e.getMessage());
        }
        Element map = doc.getDocumentElement();
        if (!map.getTagName().equals("map")) {
            throw new StorageException(file + ": the root element is <" + map.getTagName() + ">, not <map> (XmlUtils.writeMapXml)");
        }
        List<ObservedStorage.Entry> out = new ArrayList<>();
        for (Node n = map.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = e.getAttribute("name");
            String value = switch (e.getTagName()) {
                case "string" -> e.getTextContent();
                case "int", "long", "float", "double", "boolean" -> e.getAttribute("value");
                case "set" -> strings(e);
                case "null" -> null;
                default -> e.getTextContent(); // a type a newer Android writes: its text is still worth scanning
            };
            if (value != null) {
                out.add(new ObservedStorage.Entry("shared_prefs", packageName, file + ":" + name, value));
            }
        }
        return out;
    }

    private static String strings(Element set) {
        List<String> out = new ArrayList<>();
        for (Node n = set.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("string")) {
                out.add(e.getTextContent());
            }
        }
        return String.join("\n", out);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured safely", e);
        }
    }
}
