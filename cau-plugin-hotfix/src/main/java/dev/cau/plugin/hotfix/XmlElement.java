package dev.cau.plugin.hotfix;

import java.util.List;
import java.util.Map;

/**
 * One element as {@link BoundedXml} read it.
 *
 * @param name the element's name
 * @param line the line its start tag begins on
 * @param attributes its attributes in document order, entity and character references resolved
 * @param children its child elements in document order
 * @param text its character data outside child elements, references resolved
 */
record XmlElement(String name, int line, Map<String, String> attributes, List<XmlElement> children, String text) {
  XmlElement {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }
}
