package dev.cau.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One fenced {@code ```java} block of a Markdown document.
 *
 * @param document the document, relative to the repository root, such as {@code docs/testkit.md}
 * @param index the block's number in its document, from 1
 * @param line the line of the block's opening fence, from 1
 * @param code the block's text, without the fences
 */
record DocExample(String document, int index, int line, String code) {
  /**
   * Returns the name of the block's fixture in {@code docs/examples/}: the document's path with
   * {@code /} and {@code .md} turned into {@code -}, then the block's number, such as
   * {@code docs-testkit-3.java} or {@code README-1.java}.
   *
   * @return the fixture's file name
   */
  String fixtureName() {
    return document.replace(".md", "").replace('/', '-') + "-" + index + ".java";
  }

  @Override
  public String toString() {
    return document + " example " + index + " (line " + line + ")";
  }

  /**
   * Reads the {@code ```java} blocks of a document.
   *
   * @param root the repository root
   * @param document the document, relative to the root
   * @return the blocks in document order
   */
  static List<DocExample> read(Path root, String document) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(document), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + document, e);
    }
    List<DocExample> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      int start = i;
      StringBuilder code = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        code.append(lines.get(i)).append('\n');
      }
      if (i == lines.size()) {
        throw new IllegalStateException(document + " line " + (start + 1) + ": a ```java block is never closed");
      }
      examples.add(new DocExample(document, examples.size() + 1, start + 1, code.toString()));
    }
    return examples;
  }
}
