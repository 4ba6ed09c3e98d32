package io.permlab.device.android;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the XML that UiAutomator2's getPageSource returns: a {@code <hierarchy>} root whose elements are named by
 * class and carry index, package, class, text, resource-id, checkable, checked, clickable... (appium-uiautomator2-server
 * Attribute.java). The JDK parser runs with DOCTYPEs refused, so no external entity or DTD is ever fetched.
 */
public final class PageSource {
    private PageSource() {
    }

    public static UiNode parse(String xml, String source) {
        return node(root(xml, source));
    }

    /** The {@code <hierarchy>} element, read safely; for readers that need attributes UiNode does not keep (bounds). */
    static Element root(String xml, String source) {
        try {
            Element root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if (!root.getTagName().equals("hierarchy")) {
                throw new DeviceOutputException(source, 0, "root element is <" + root.getTagName() + ">, not <hierarchy>");
            }
            return root;
        } catch (SAXParseException e) {
            throw new DeviceOutputException(source, e.getLineNumber(), "not a page source: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new DeviceOutputException(source, 0, "not a page source: " + e.getMessage(), e);
        }
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

    private static UiNode node(Element e) {
        List<UiNode> children = new ArrayList<>();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(node(element));
            }
        }
        return new UiNode(e.getAttribute("class"), e.getAttribute("package"), e.getAttribute("text"),
                e.getAttribute("resource-id"), bool(e, "clickable"), bool(e, "checkable"), bool(e, "checked"), children);
    }

    private static boolean bool(Element e, String attribute) {
        return Boolean.parseBoolean(e.getAttribute(attribute));
    }
}
