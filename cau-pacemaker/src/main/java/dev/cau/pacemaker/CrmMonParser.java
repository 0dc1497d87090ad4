package dev.cau.pacemaker;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads {@code crm_mon --output-as=xml} with the JDK's own parser: no DTD, no entities, no
 * external access, at most {@link #MAX_CHARS} characters and {@link #MAX_DEPTH} levels.
 */
final class CrmMonParser {
  /** The largest document read: a cluster of a few hundred resources fits many times over. */
  static final int MAX_CHARS = 4 << 20;
  /** crm_mon nests resources in bundles, clones and groups: a handful of levels. */
  static final int MAX_DEPTH = 32;

  private CrmMonParser() {}

  /**
   * Parses one crm_mon document.
   *
   * @param xml the program's standard output
   * @return what it says
   * @throws IllegalArgumentException if it is too large, too deep, not well-formed, or not crm_mon's
   */
  static CrmMonStatus parse(String xml) {
    if (xml.length() > MAX_CHARS) {
      throw new IllegalArgumentException("crm_mon's output has " + xml.length()
          + " characters, more than the " + MAX_CHARS + " read");
    }
    Element root = parseDocument(xml).getDocumentElement();
    if (!"pacemaker-result".equals(root.getTagName())) {
      throw new IllegalArgumentException("crm_mon's output is not a <pacemaker-result> document but <"
          + root.getTagName() + ">");
    }
    Element status = child(root, "status");
    if (status != null && !"0".equals(status.getAttribute("code"))) {
      throw new IllegalArgumentException("crm_mon reported status " + status.getAttribute("code")
          + ": \"" + status.getAttribute("message") + "\"");
    }
    Element summary = child(root, "summary");
    Element dc = summary == null ? null : child(summary, "current_dc");
    String dcName = dc != null && "true".equals(dc.getAttribute("present")) ? dc.getAttribute("name") : null;
    boolean withQuorum = dc != null && "true".equals(dc.getAttribute("with_quorum"));
    List<CrmMonStatus.Node> nodes = new ArrayList<>();
    Element nodesElement = child(root, "nodes");
    if (nodesElement != null) {
      for (Element n : children(nodesElement, "node")) {
        nodes.add(new CrmMonStatus.Node(required(n, "name"), flag(n, "online"), flag(n, "standby"),
            flag(n, "pending"), flag(n, "unclean"), count(n, "resources_running")));
      }
    }
    List<CrmMonStatus.Resource> resources = new ArrayList<>();
    Element resourcesElement = child(root, "resources");
    if (resourcesElement != null) {
      collectResources(resourcesElement, resources, new HashMap<>());
    }
    List<String> failures = new ArrayList<>();
    Element failuresElement = child(root, "failures");
    if (failuresElement != null) {
      for (Element f : children(failuresElement, "failure")) {
        String reason = f.getAttribute("exitreason").isEmpty() ? f.getAttribute("exitstatus") : f.getAttribute("exitreason");
        failures.add(f.getAttribute("op_key") + " on " + f.getAttribute("node") + ": " + reason);
      }
    }
    return new CrmMonStatus(dcName, withQuorum, nodes, resources, failures);
  }

  private static void collectResources(Element parent, List<CrmMonStatus.Resource> into, Map<String, Integer> seen) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element e)) {
        continue;
      }
      if ("resource".equals(e.getTagName())) {
        String id = required(e, "id");
        int instance = seen.merge(id, 1, Integer::sum);
        List<String> on = new ArrayList<>();
        for (Element n : children(e, "node")) {
          on.add(required(n, "name"));
        }
        into.add(new CrmMonStatus.Resource(instance == 1 ? id : id + ":" + (instance - 1),
            e.getAttribute("resource_agent"), e.getAttribute("role"), flag(e, "active"), flag(e, "failed"), on));
      } else {
        // group, clone, bundle, replica: resources sit inside
        collectResources(e, into, seen);
      }
    }
  }

  private static Document parseDocument(String xml) {
    try {
      DocumentBuilder builder = newBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new IllegalArgumentException("crm_mon's output is not XML this reader accepts (no DTD, at most "
          + MAX_DEPTH + " levels): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("crm_mon's output could not be read: " + e.getMessage(), e);
    }
  }

  private static DocumentBuilder newBuilder() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setIgnoringComments(true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a security feature: " + e.getMessage(), e);
    }
  }

  private static @Nullable Element child(Element parent, String tag) {
    List<Element> found = children(parent, tag);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && tag.equals(e.getTagName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String required(Element e, String attribute) {
    String value = e.getAttribute(attribute);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("crm_mon's <" + e.getTagName() + "> has no \"" + attribute + "\"");
    }
    return value;
  }

  private static boolean flag(Element e, String attribute) {
    return "true".equals(e.getAttribute(attribute));
  }

  private static int count(Element e, String attribute) {
    String value = e.getAttribute(attribute);
    try {
      return value.isEmpty() ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("crm_mon's <" + e.getTagName() + "> has " + attribute + "=\"" + value
          + "\", not a count", ex);
    }
  }
}
