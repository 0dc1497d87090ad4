package dev.cau.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.core.plugin.fixtures.TestBackends;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterBackendsTests {
  @Test
  void offersTheGoodProvidersAndReportsTheBrokenAndConflictingOnes() {
    ClusterBackends backends = ClusterBackends.discover(listing("backend-cases/mixed.services"));

    assertThat(backends.names()).containsExactly("beta");
    assertThat(backends.require("beta", "test")).isInstanceOf(TestBackends.Beta.class);
    assertThat(backends.problems()).hasSize(3)
        .anySatisfy(problem -> assertThat(problem).contains("\"alpha\"").contains("neither is used"))
        .anySatisfy(problem -> assertThat(problem).contains("no name, on purpose"))
        .anySatisfy(problem -> assertThat(problem).contains("no.such.Backend"));
  }

  @Test
  void anUnknownNameIsRefusedListingTheOfferedOnes() {
    ClusterBackends backends = ClusterBackends.discover(listing("backend-cases/mixed.services"));

    assertThatThrownBy(() -> backends.require("gamma", "\"c.json\" line 3"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"backend\" must be one of \"beta\", but was \"gamma\" at \"c.json\" line 3");
  }

  /** A class loader whose only cluster backend services file is a test resource. */
  private static ClassLoader listing(String resource) {
    ClassLoader parent = ClusterBackendsTests.class.getClassLoader();
    URL replacement = parent.getResource(resource);
    String services = "META-INF/services/" + ClusterBackendProvider.class.getName();
    return new ClassLoader(parent) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return services.equals(name) ? Collections.enumeration(List.of(replacement)) : super.getResources(name);
      }
    };
  }
}
