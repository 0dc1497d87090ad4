/** JUnit 5 support for the cau4j testkit: {@code @ScenarioTest}. */
module dev.cau.testkit.junit {
  requires transitive dev.cau.testkit;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;
  requires static transitive org.apiguardian.api;

  exports dev.cau.testkit.junit;
  // JUnit creates the extension and calls the test's methods reflectively.
  opens dev.cau.testkit.junit to org.junit.platform.commons;
}
