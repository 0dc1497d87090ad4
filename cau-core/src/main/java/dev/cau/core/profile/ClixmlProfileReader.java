package dev.cau.core.profile;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the hashtable of a PowerShell CLIXML profile ({@code Export-Clixml} of the hashtable CAU
 * splats onto its cmdlets) into entries for {@link ProfileKeys}.
 *
 * <p>The XML parser is hardened: secure processing, any DOCTYPE refused (so no entity, internal
 * or external, and no external DTD is ever read), no external schema, no XInclude, and the input
 * is read only up to {@link RunProfile#MAX_SIZE}. It always uses the JDK's own parser, whatever
 * is on the class path.
 */
final class ClixmlProfileReader {
  /** The namespace of PowerShell's CLIXML. */
  static final String NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04";

  private static final Set<String> HASHTABLE_TYPES =
      Set.of("System.Collections.Hashtable", "System.Collections.Specialized.OrderedDictionary");
  private static final String SWITCH_TYPE = "System.Management.Automation.SwitchParameter";
  /** CLIXML's primitive types: each element holds its value as text. */
  private static final Set<String> PRIMITIVES = Set.of("S", "C", "B", "DT", "TS", "By", "SB",
      "U16", "I16", "U32", "I32", "U64", "I64", "Sg", "Db", "D", "BA", "G", "URI", "Version",
      "XD", "SBK", "SS", "PR");
  private static final Set<String> LISTS = Set.of("LST", "IE", "AL", "STK", "QUE");
  /** How deep values may nest: a list of hashtables of values is three levels. */
  private static final int MAX_DEPTH = 8;

  /** How deep elements may nest in the document; the parser refuses deeper ones as it reads. */
  static final int MAX_ELEMENT_DEPTH = 64;

  /**
   * How many values a profile may expand to, each use of a {@code <Ref>} counting the values it
   * refers to again: a real profile has a few dozen, and references that refer to each other
   * cannot make a few kilobytes expand without bound.
   */
  static final int MAX_VALUES = 10_000;

  /** The values read so far. */
  private int values;

  private final String source;
  private final Map<String, Element> typeNames = new HashMap<>();
  private final Map<String, Element> objects = new HashMap<>();

  private ClixmlProfileReader(String source) {
    this.source = source;
  }

  /**
   * Reads the entries of a CLIXML profile.
   *
   * @param in the XML, in any encoding XML declares or marks (Export-Clixml writes UTF-16); not
   *     closed
   * @param source how messages name the profile
   * @return the entries of its hashtable, in document order
   * @throws IOException if reading fails
   * @throws InvalidProfileException if the input is too large, not well-formed, has a DOCTYPE,
   *     or is not one CLIXML hashtable
   */
  static List<ProfileValue.Entry> read(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(RunProfile.MAX_SIZE + 1);
    if (bytes.length > RunProfile.MAX_SIZE) {
      throw new InvalidProfileException(source + ": is larger than " + RunProfile.MAX_SIZE
          + " bytes (1 MiB); a profile is a few kilobytes", null, null);
    }
    return new ClixmlProfileReader(source).entries(parse(bytes, source));
  }

  private static Document parse(byte[] bytes, String source) throws IOException {
    DocumentBuilder builder = newBuilder();
    try {
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (CharConversionException e) {
      // An encoding the JDK does not know, or bytes that are not in the declared encoding.
      throw new InvalidProfileException(source + ": cannot be decoded at line 1: " + e.getMessage()
          + "; Export-Clixml writes UTF-16, and UTF-8 is read too", "line 1", e);
    } catch (UnsupportedEncodingException e) {
      throw new InvalidProfileException(source + ": declares an encoding this JVM does not know, \""
          + e.getMessage() + "\" (line 1); Export-Clixml writes UTF-16, and UTF-8 is read too", "line 1", e);
    } catch (SAXParseException e) {
      String at = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
      String message = String.valueOf(e.getMessage());
      if (message.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
        throw new InvalidProfileException(source + ": a DOCTYPE is not allowed (" + at + "); "
            + "a CLIXML profile needs none, and refusing it keeps entities and external files out",
            at, e);
      }
      if (message.contains("maxElementDepth")) {
        throw new InvalidProfileException(source + ": nests elements more than " + MAX_ELEMENT_DEPTH
            + " levels deep (" + at + "); a CLIXML profile nests a few", at, e);
      }
      throw new InvalidProfileException(source + ": is not well-formed XML at " + at + ": " + message,
          at, e);
    } catch (SAXException e) {
      throw new InvalidProfileException(source + ": cannot be read as XML: " + e.getMessage(), null, e);
    }
  }

  private static DocumentBuilder newBuilder() {
    // The JDK's own parser, so that every feature below is known to be honoured.
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Refused while parsing, so no later step walks a deep tree.
      factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
          String.valueOf(MAX_ELEMENT_DEPTH));
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setIgnoringComments(true);
      factory.setCoalescing(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> {
        // Unreachable with DOCTYPEs refused; kept so that no configuration can fetch anything.
        throw new SAXException("External entities are not allowed: \"" + systemId + "\"");
      });
      builder.setErrorHandler(new FailingErrorHandler());
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser cannot be configured securely", e);
    }
  }

  /** Fails on every error, and keeps the parser from printing to the console. */
  private static final class FailingErrorHandler implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private List<ProfileValue.Entry> entries(Document document) {
    Element root = document.getDocumentElement();
    // A walk in document order without recursion, in time linear in the document's size.
    for (Element e = root; e != null; e = next(e, root)) {
      String namespace = e.getNamespaceURI();
      if (namespace != null && !namespace.equals(NAMESPACE)) {
        throw fail(null, "element <" + e.getTagName() + "> is in namespace \"" + namespace
            + "\", not PowerShell's CLIXML namespace \"" + NAMESPACE + "\"");
      }
      register(e, "TN", typeNames);
      register(e, "Obj", objects);
    }
    if (!name(root).equals("Objs")) {
      throw fail(null, "the root element is <" + name(root) + ">, not <Objs>; "
          + "a CLIXML profile is written by Export-Clixml");
    }
    List<Element> children = children(root);
    if (children.size() != 1 || !name(children.get(0)).equals("Obj")) {
      throw fail("Objs", "Objs holds " + children.size() + " element" + (children.size() == 1 ? "" : "s")
          + (children.isEmpty() ? "" : " (" + names(children) + ")")
          + "; a run profile is exactly one hashtable (Obj)");
    }
    Element hashtable = children.get(0);
    List<String> types = types(hashtable, "Objs/Obj");
    Element dictionary = child(hashtable, "DCT");
    if (dictionary == null || types.stream().noneMatch(HASHTABLE_TYPES::contains)) {
      throw fail("Objs/Obj", "Objs/Obj is "
          + (types.isEmpty() ? "an object without a type name" : "a " + types.get(0))
          + ", not a hashtable (" + String.join(" or ", HASHTABLE_TYPES) + " with a DCT);"
          + " a run profile is a hashtable of parameter names and values");
    }
    return table(dictionary, "", 1);
  }

  /** The element after {@code e} in document order, within {@code root}. */
  private static @Nullable Element next(Element e, Element root) {
    Element child = firstElement(e.getFirstChild());
    if (child != null) {
      return child;
    }
    for (Node n = e; n != null && n != root; n = n.getParentNode()) {
      Element sibling = firstElement(n.getNextSibling());
      if (sibling != null) {
        return sibling;
      }
    }
    return null;
  }

  private static @Nullable Element firstElement(@Nullable Node from) {
    for (Node n = from; n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        return element;
      }
    }
    return null;
  }

  private void register(Element e, String name, Map<String, Element> byRefId) {
    if (!name(e).equals(name) || !e.hasAttribute("RefId")) {
      return;
    }
    String refId = e.getAttribute("RefId");
    if (byRefId.putIfAbsent(refId, e) != null) {
      throw fail(null, "two <" + name + "> elements have RefId=\"" + refId + "\"");
    }
  }

  /** Reads a DCT's entries; {@code path} is the path of the DCT's parent, or empty at the top. */
  private List<ProfileValue.Entry> table(Element dictionary, String path, int depth) {
    String prefix = path.isEmpty() ? "" : path + "/DCT/";
    List<ProfileValue.Entry> entries = new ArrayList<>();
    int index = 0;
    for (Element en : children(dictionary)) {
      index++;
      String position = prefix + "En[" + index + "]";
      if (!name(en).equals("En")) {
        throw fail(position, (prefix.isEmpty() ? "DCT" : prefix + "DCT") + " holds <" + name(en)
            + ">; a hashtable holds only En entries");
      }
      Element keyElement = named(en, "Key");
      Element valueElement = named(en, "Value");
      if (keyElement == null || valueElement == null) {
        throw fail(position, position + " has no element with N=\"" + (keyElement == null ? "Key" : "Value")
            + "\"; each entry is <En><S N=\"Key\">…</S><… N=\"Value\">…</…></En>");
      }
      if (!name(keyElement).equals("S")) {
        throw fail(position, position + " has a key of type " + name(keyElement)
            + "; profile keys are strings (S)");
      }
      String key = ProfileText.decodeClixml(keyElement.getTextContent());
      String where = prefix + "En[Key=" + key + "]";
      entries.add(new ProfileValue.Entry(key, where, value(valueElement, where, "", depth)));
    }
    return entries;
  }

  /** Reads a value; {@code index} is {@code [n]} for a list's n-th item, else empty. */
  private ProfileValue value(Element element, String parent, String index, int depth) {
    String path = parent + "/" + name(element) + index;
    if (++values > MAX_VALUES) {
      throw fail(path, "the profile expands to more than " + MAX_VALUES + " values (each <Ref> counts what it"
          + " refers to again) at " + path + "; a run profile has a few dozen");
    }
    if (depth > MAX_DEPTH) {
      throw fail(path, path + " is nested more deeply than a run profile can be");
    }
    String name = name(element);
    if (name.equals("Nil")) {
      return new ProfileValue.Nil(path);
    }
    if (PRIMITIVES.contains(name)) {
      String text = element.getTextContent();
      return new ProfileValue.Scalar(path, name, name.equals("S") ? ProfileText.decodeClixml(text) : text);
    }
    Element object = element;
    if (name.equals("Ref")) {
      String refId = element.getAttribute("RefId");
      path = parent + "/Ref[RefId=" + refId + "]";
      Element target = objects.get(refId);
      if (target == null) {
        throw fail(path, path + " refers to no Obj with RefId=\"" + refId + "\"");
      }
      object = target;
    } else if (!name.equals("Obj")) {
      throw fail(path, path + " is not a CLIXML value element");
    }
    return object(object, path, depth);
  }

  private ProfileValue object(Element object, String path, int depth) {
    Element dictionary = child(object, "DCT");
    if (dictionary != null) {
      return new ProfileValue.Table(path, table(dictionary, path, depth + 1));
    }
    for (Element child : children(object)) {
      if (LISTS.contains(name(child))) {
        List<ProfileValue> items = new ArrayList<>();
        int index = 0;
        for (Element item : children(child)) {
          index++;
          items.add(value(item, path + "/" + name(child), "[" + index + "]", depth + 1));
        }
        return new ProfileValue.Items(path + "/" + name(child), items);
      }
    }
    List<String> types = types(object, path);
    if (types.contains(SWITCH_TYPE)) {
      Element props = child(object, "Props");
      Element present = props == null ? null : named(props, "IsPresent");
      if (present != null && name(present).equals("B")) {
        return new ProfileValue.Scalar(path + "/Props/B[N=IsPresent]", "B", present.getTextContent());
      }
    }
    Element toString = child(object, "ToString");
    if (toString != null) {
      // An enum, such as Microsoft.ClusterAwareUpdating.FailbackType, or a switch without Props.
      return new ProfileValue.Scalar(path + "/ToString", "ToString",
          ProfileText.decodeClixml(toString.getTextContent()));
    }
    return new ProfileValue.Unreadable(path,
        types.isEmpty() ? "an object without a type name" : "a " + types.get(0));
  }

  private List<String> types(Element object, String path) {
    Element names = child(object, "TN");
    if (names == null) {
      Element ref = child(object, "TNRef");
      if (ref == null) {
        return List.of();
      }
      String refId = ref.getAttribute("RefId");
      names = typeNames.get(refId);
      if (names == null) {
        throw fail(path + "/TNRef", path + "/TNRef refers to no TN with RefId=\"" + refId + "\"");
      }
    }
    List<String> types = new ArrayList<>();
    for (Element t : children(names)) {
      if (name(t).equals("T")) {
        types.add(t.getTextContent().trim());
      }
    }
    return types;
  }

  private InvalidProfileException fail(@Nullable String where, String text) {
    return new InvalidProfileException(source + ": " + text, where, null);
  }

  private static String name(Element e) {
    String local = e.getLocalName();
    return local != null ? local : e.getTagName();
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        children.add((Element) n);
      }
    }
    return children;
  }

  private static String names(List<Element> elements) {
    List<String> names = new ArrayList<>();
    for (Element e : elements) {
      names.add(name(e));
    }
    return String.join(", ", names);
  }

  private static @Nullable Element child(Element parent, String name) {
    for (Element e : children(parent)) {
      if (name(e).equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static @Nullable Element named(Element parent, String n) {
    for (Element e : children(parent)) {
      if (n.equals(e.getAttribute("N"))) {
        return e;
      }
    }
    return null;
  }
}
