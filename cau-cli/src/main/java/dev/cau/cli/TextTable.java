package dev.cau.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table with a header row and a rule under it: columns as wide as their widest cell,
 * two spaces apart, text left-aligned and numbers right-aligned.
 */
final class TextTable {
  private final List<String> headers;
  private final Set<Integer> numberColumns;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * Creates an empty table.
   *
   * @param headers the column headers
   * @param numberColumns the columns, counted from 0, that hold numbers and are right-aligned
   */
  TextTable(List<String> headers, Set<Integer> numberColumns) {
    this.headers = List.copyOf(headers);
    this.numberColumns = Set.copyOf(numberColumns);
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   * @throws IllegalArgumentException if the row does not have one cell per column
   */
  TextTable add(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "A row must have " + headers.size() + " cells, one per column, but had " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  /**
   * Prints the header, the rule and the rows, one line each, without trailing spaces.
   *
   * @param out where to print
   */
  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    List<String> rules = new ArrayList<>();
    for (int width : widths) {
      rules.add("-".repeat(width));
    }
    out.println(line(headers, widths));
    out.println(line(rules, widths));
    rows.forEach(row -> out.println(line(row, widths)));
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String gap = " ".repeat(widths[c] - cells.get(c).length());
      line.append(numberColumns.contains(c) ? gap + cells.get(c) : cells.get(c) + gap);
    }
    return line.toString().stripTrailing();
  }
}
