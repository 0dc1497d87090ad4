package dev.cau.plugin.hotfix;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small XML documents the plug-in accepts into {@link XmlElement}s: elements,
 * attributes, character data, comments and an XML declaration, in UTF-8.
 *
 * <p>It is hardened by being small: it knows no DTD, so a {@code <!DOCTYPE} is refused and no
 * entity can be declared, expanded or fetched; the only references are the five predefined
 * entities and character references. CDATA sections and processing instructions are refused,
 * as the configuration never needs them. The document is bounded in size
 * ({@value #MAX_BYTES} bytes), nesting ({@value #MAX_DEPTH} levels), elements
 * ({@value #MAX_ELEMENTS}), attributes per element ({@value #MAX_ATTRIBUTES}) and the length of
 * any name, value or text ({@value #MAX_VALUE_LENGTH} characters). Every refusal names the line.
 */
final class BoundedXml {
  /** The largest document accepted, in bytes. */
  static final int MAX_BYTES = 1 << 20;

  /** The deepest nesting accepted; the root element is level 1. */
  static final int MAX_DEPTH = 16;

  /** The most elements accepted. */
  static final int MAX_ELEMENTS = 10_000;

  /** The most attributes one element may have. */
  static final int MAX_ATTRIBUTES = 16;

  /** The longest name, attribute value or element text accepted, in characters. */
  static final int MAX_VALUE_LENGTH = 4096;

  private final String file;
  private final String s;
  private int pos;
  private int line = 1;
  private int elements;

  private BoundedXml(String file, String s) {
    this.file = file;
    this.s = s;
  }

  /**
   * Reads a document.
   *
   * @param file the document's name, for messages
   * @param content its bytes, UTF-8
   * @return the root element
   * @throws HotfixConfigException naming the line, if the document is refused
   */
  static XmlElement parse(String file, byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new HotfixConfigException(file, 0, "", "the file holds " + content.length
          + " bytes; allowed: at most " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new HotfixConfigException(file, 0, "", "the file is not UTF-8 text; allowed: UTF-8 only");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new BoundedXml(file, text).document();
  }

  private XmlElement document() {
    if (s.startsWith("<?xml") && s.length() > 5 && isSpace(s.charAt(5))) {
      declaration();
    }
    misc();
    if (pos >= s.length() || s.charAt(pos) != '<') {
      throw fail(line, "", "expected the root element" + (pos >= s.length() ? " but the file ends" : ""));
    }
    XmlElement root = element(1);
    misc();
    if (pos < s.length()) {
      throw fail(line, "", "there is content after the end of the root element <" + root.name() + ">");
    }
    return root;
  }

  private void declaration() {
    int end = s.indexOf("?>", pos);
    if (end < 0) {
      throw fail(line, "", "the XML declaration is not closed with ?>");
    }
    String decl = s.substring(pos, end);
    int at = decl.indexOf("encoding");
    if (at >= 0) {
      String rest = decl.substring(at + "encoding".length()).strip();
      if (rest.startsWith("=")) {
        rest = rest.substring(1).strip();
      }
      String value = rest.length() > 1 ? rest.substring(1, Math.max(1, rest.indexOf(rest.charAt(0), 1))) : "";
      if (!value.equalsIgnoreCase("UTF-8")) {
        throw fail(line, "", "the XML declaration names encoding \"" + value + "\"; allowed: UTF-8");
      }
    }
    advanceTo(end + 2);
  }

  /** Whitespace, comments; refuses a DOCTYPE and processing instructions. */
  private void misc() {
    while (true) {
      skipSpace();
      if (s.startsWith("<!--", pos)) {
        comment();
      } else if (s.startsWith("<!DOCTYPE", pos) || s.startsWith("<!doctype", pos)) {
        throw fail(line, "", "a DOCTYPE (document type definition) is not allowed: the plug-in reads no DTD and"
            + " no entity");
      } else if (s.startsWith("<!", pos)) {
        throw fail(line, "", "a markup declaration is not allowed");
      } else if (s.startsWith("<?", pos)) {
        throw fail(line, "", "a processing instruction is not allowed");
      } else {
        return;
      }
    }
  }

  private XmlElement element(int depth) {
    int startLine = line;
    expect('<', "");
    String name = name("");
    if (depth > MAX_DEPTH) {
      throw fail(startLine, name, "the elements nest deeper than " + MAX_DEPTH + " levels; allowed: at most "
          + MAX_DEPTH);
    }
    if (++elements > MAX_ELEMENTS) {
      throw fail(startLine, name, "the file has more than " + MAX_ELEMENTS + " elements; allowed: at most "
          + MAX_ELEMENTS);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    while (true) {
      boolean spaced = skipSpace();
      if (pos >= s.length()) {
        throw fail(line, name, "the start tag is not closed");
      }
      char c = s.charAt(pos);
      if (c == '/' || c == '>') {
        break;
      }
      if (!spaced) {
        throw fail(line, name, "expected whitespace before an attribute, found '" + c + "'");
      }
      String attribute = name(name);
      skipSpace();
      expect('=', name);
      skipSpace();
      String value = quoted(name, attribute);
      if (attributes.put(attribute, value) != null) {
        throw fail(line, name, "attribute \"" + attribute + "\" is given twice; allowed: once");
      }
      if (attributes.size() > MAX_ATTRIBUTES) {
        throw fail(line, name, "the element has more than " + MAX_ATTRIBUTES + " attributes");
      }
    }
    if (s.startsWith("/>", pos)) {
      advanceTo(pos + 2);
      return new XmlElement(name, startLine, attributes, List.of(), "");
    }
    expect('>', name);
    List<XmlElement> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw fail(startLine, name, "the element is not closed before the file ends");
      }
      if (s.startsWith("</", pos)) {
        advanceTo(pos + 2);
        String end = name(name);
        skipSpace();
        expect('>', name);
        if (!end.equals(name)) {
          throw fail(line, name, "the end tag </" + end + "> does not match the start tag <" + name + "> of line "
              + startLine);
        }
        return new XmlElement(name, startLine, attributes, children, text.toString());
      } else if (s.startsWith("<!--", pos)) {
        comment();
      } else if (s.startsWith("<![CDATA[", pos)) {
        throw fail(line, name, "a CDATA section is not allowed");
      } else if (s.startsWith("<!", pos)) {
        throw fail(line, name, "a DOCTYPE or markup declaration is not allowed");
      } else if (s.startsWith("<?", pos)) {
        throw fail(line, name, "a processing instruction is not allowed");
      } else if (s.charAt(pos) == '<') {
        children.add(element(depth + 1));
      } else {
        char c = s.charAt(pos);
        text.append(c == '&' ? reference(name) : String.valueOf(next()));
        if (text.length() > MAX_VALUE_LENGTH) {
          throw fail(line, name, "the element's text is longer than " + MAX_VALUE_LENGTH + " characters");
        }
      }
    }
  }

  private String quoted(String element, String attribute) {
    if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\'')) {
      throw fail(line, element, "the value of attribute \"" + attribute + "\" must be in quotes");
    }
    char quote = next();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw fail(line, element, "the value of attribute \"" + attribute + "\" is not closed");
      }
      char c = s.charAt(pos);
      if (c == quote) {
        next();
        return value.toString();
      }
      if (c == '<') {
        throw fail(line, element, "the value of attribute \"" + attribute + "\" holds '<', which XML does not allow");
      }
      value.append(c == '&' ? reference(element) : String.valueOf(next()));
      if (value.length() > MAX_VALUE_LENGTH) {
        throw fail(line, element, "the value of attribute \"" + attribute + "\" is longer than " + MAX_VALUE_LENGTH
            + " characters");
      }
    }
  }

  /** Resolves a reference at {@code &}: a predefined entity or a character reference, nothing else. */
  private String reference(String element) {
    int semicolon = s.indexOf(';', pos);
    if (semicolon < 0 || semicolon - pos > 12) {
      throw fail(line, element, "'&' must start a reference such as &amp;");
    }
    String ref = s.substring(pos + 1, semicolon);
    String resolved = switch (ref) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> ref.startsWith("#") ? characterReference(element, ref) : null;
    };
    if (resolved == null) {
      throw fail(line, element, "the entity reference &" + ref + "; is not allowed; allowed: &lt; &gt; &amp; &quot;"
          + " &apos; and character references, as the plug-in reads no DTD");
    }
    advanceTo(semicolon + 1);
    return resolved;
  }

  private String characterReference(String element, String ref) {
    try {
      int cp = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
      boolean xmlChar = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (xmlChar) {
        return new String(Character.toChars(cp));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw fail(line, element, "the character reference &" + ref + "; does not name a character XML allows");
  }

  private void comment() {
    int end = s.indexOf("-->", pos + 4);
    if (end < 0) {
      throw fail(line, "", "a comment is not closed with -->");
    }
    advanceTo(end + 3);
  }

  private String name(String element) {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      boolean ok = Character.isLetter(c) || c == '_' || c == ':'
          || (pos > start && (Character.isDigit(c) || c == '.' || c == '-'));
      if (!ok) {
        break;
      }
      pos++;
      if (pos - start > MAX_VALUE_LENGTH) {
        throw fail(line, element, "a name is longer than " + MAX_VALUE_LENGTH + " characters");
      }
    }
    if (pos == start) {
      throw fail(line, element, pos < s.length() ? "expected a name, found '" + s.charAt(pos) + "'"
          : "expected a name but the file ends");
    }
    return s.substring(start, pos);
  }

  private void expect(char c, String element) {
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw fail(line, element, "expected '" + c + "'" + (pos < s.length() ? ", found '" + s.charAt(pos) + "'"
          : " but the file ends"));
    }
    next();
  }

  private boolean skipSpace() {
    int start = pos;
    while (pos < s.length() && isSpace(s.charAt(pos))) {
      next();
    }
    return pos > start;
  }

  private char next() {
    char c = s.charAt(pos++);
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private void advanceTo(int target) {
    while (pos < target) {
      next();
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private HotfixConfigException fail(int at, String element, String problem) {
    return new HotfixConfigException(file, at, element, problem);
  }
}
