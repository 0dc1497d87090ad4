package dev.cau.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile CLIXML profiles are refused with an {@link InvalidProfileException} that says where,
 * quickly and with bounded memory: references that expand exponentially, nesting far beyond any
 * profile, deep nesting at the top level, and an unknown encoding.
 */
class ClixmlHostileInputTests {
  private static final String HEAD = "<Objs Version=\"1.1.0.1\" xmlns=\"" + ClixmlProfileReader.NAMESPACE + "\">"
      + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Collections.Hashtable</T></TN><DCT>";
  private static final String TAIL = "</DCT></Obj></Objs>";

  /** The bound for small documents: the "within a second". */
  private static final Duration SMALL = Duration.ofSeconds(1);

  /**
   * The bound for documents of 100,000 elements: milliseconds in linear time, but a busy CI machine
   * shares its cores; a quadratic walk (5 billion steps) or an exponential expansion takes minutes.
   */
  private static final Duration LARGE = Duration.ofSeconds(5);

  private static Throwable read(String xml, Duration bound) {
    return read(xml.getBytes(StandardCharsets.UTF_8), bound);
  }

  private static Throwable read(byte[] xml, Duration bound) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> ClixmlProfileReader.read(new ByteArrayInputStream(xml), "hostile.xml"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to refuse it").isLessThan(bound);
    return thrown;
  }

  /** Seven levels of lists, each holding its next level once and then 19 references to it. */
  static String referenceBomb() {
    StringBuilder xml = new StringBuilder(HEAD).append("<En><S N=\"Key\">NodeOrder</S>");
    int levels = 7;
    for (int level = 1; level <= levels; level++) {
      xml.append(level == 1 ? "<Obj N=\"Value\"" : "<Obj").append(" RefId=\"").append(level).append("\"><LST>");
    }
    xml.append("<S>n</S>");
    for (int level = levels; level >= 1; level--) {
      xml.append("</LST></Obj>");
      if (level > 1) {
        xml.append(("<Ref RefId=\"" + level + "\" />").repeat(19));
      }
    }
    return xml.append("</En>").append(TAIL).toString();
  }

  @Test
  void aReferenceBombOfAFewKilobytesIsRefused() {
    String bomb = referenceBomb();
    assertThat(bomb.length()).isLessThan(4096);

    assertThat(read(bomb, SMALL)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("hostile.xml: the profile expands to more than " + ClixmlProfileReader.MAX_VALUES + " values")
        .hasMessageContaining("each <Ref> counts what it refers to again");
  }

  @Test
  void aHundredThousandNestedElementsAreRefused() {
    String deep = HEAD + "<En><S N=\"Key\">NodeOrder</S>" + "<A>".repeat(100_000) + "</A>".repeat(100_000) + "</En>"
        + TAIL;

    assertThat(read(deep, LARGE)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("nests elements more than " + ClixmlProfileReader.MAX_ELEMENT_DEPTH + " levels deep")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void deepNestingAtTheTopLevelIsRefusedInLinearTime() {
    String deep = "<Objs xmlns=\"" + ClixmlProfileReader.NAMESPACE + "\">" + "<X>".repeat(100_000) + "</X>".repeat(100_000)
        + "</Objs>";

    assertThat(read(deep, LARGE)).isInstanceOf(InvalidProfileException.class).hasMessageContaining("nests elements more than");
  }

  @Test
  void manyElementsAtTheTopLevelAreWalkedInLinearTime() {
    String wide = "<Objs xmlns=\"" + ClixmlProfileReader.NAMESPACE + "\">" + "<Obj/>".repeat(100_000) + "</Objs>";

    assertThat(read(wide, LARGE)).isInstanceOf(InvalidProfileException.class).hasMessageContaining("Objs holds 100000 elements");
  }

  @Test
  void anUnknownEncodingIsRefusedAsAnInvalidProfile() {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>" + HEAD + TAIL).getBytes(StandardCharsets.US_ASCII);

    assertThat(read(xml, SMALL)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("hostile.xml: ")
        .hasMessageContaining("line 1");
  }

  @Test
  void bytesThatAreNotInTheDeclaredEncodingAreRefusedAsAnInvalidProfile() {
    byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + HEAD + "<En><S N=\"Key\">").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("</S></En>" + TAIL).getBytes(StandardCharsets.US_ASCII);
    byte[] xml = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, xml, 0, head.length);
    xml[head.length] = (byte) 0xC3;
    xml[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, xml, head.length + 2, tail.length);

    assertThatThrownBy(() -> ClixmlProfileReader.read(new ByteArrayInputStream(xml), "hostile.xml"))
        .isInstanceOf(InvalidProfileException.class);
  }
}
