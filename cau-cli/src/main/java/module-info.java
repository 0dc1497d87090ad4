/**
 * The {@code cau} command: updating runs from a terminal, on a simulated cluster by default.
 *
 * <p>Exports nothing; picocli reaches the command classes by reflection.
 */
module dev.cau.cli {
  requires dev.cau.api;
  requires dev.cau.core;
  requires dev.cau.testkit;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires static org.jspecify;

  opens dev.cau.cli to info.picocli;
}
