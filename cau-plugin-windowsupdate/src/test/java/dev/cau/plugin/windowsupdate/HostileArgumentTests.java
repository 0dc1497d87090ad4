package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cau.api.InvalidOptionsException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.plugin.windowsupdate.simulated.SimulatedWindowsUpdateAgent;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Hostile argument and query strings, generated from a seed: each value reaches the node only
 * inside the script's JSON parameters, never in the script's text, and round-trips exactly when
 * those parameters are read as the script reads them; what the grammar does not allow is refused
 * before any node is touched. A failure names the seed and the value.
 */
class HostileArgumentTests {
  private static final long SEED = 0x5EED_C4_13L;
  private static final int CASES = 400;
  private static final List<String> PIECES = List.of("'", "''", "\"", "`", "$(", ")", "(", ";", "\n", "\r\n", "|",
      "&", "\u2018", "\u2019", "\u201C", "\u201D", "\u0000", "\u0007", "${env:PATH}", "@'", "'@", "#", "<#", "\\",
      "IsInstalled=0", " and ", " or ", "Type='Software'", "Remove-Item -Recurse C:\\", "\uD83D\uDCA3", "é", " ",
      "\t", "-EncodedCommand ", "UpdateID='", "f6ce46c1-971c-43f9-a2aa-783df125f003");

  private static String hostile(RandomGenerator random) {
    StringBuilder value = new StringBuilder();
    int pieces = 1 + random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      value.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    if (random.nextInt(10) == 0) {
      value.append("x".repeat(random.nextInt(8000)));
    }
    return value.toString();
  }

  private static List<String> values() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    List<String> values = new ArrayList<>(List.of("'; Remove-Item C:\\ -Recurse; '", "$(Stop-Computer)",
        "`$env:TEMP`", "IsInstalled=0\nStop-Computer", "Type=\u2018Software\u2019", "x".repeat(100_000)));
    for (int i = 0; i < CASES; i++) {
      values.add(hostile(random));
    }
    return values;
  }

  @Test
  void everyValueRoundTripsExactlyInsideTheParameters() throws IOException {
    for (String value : values()) {
      String parameters = ScriptProtocol.parameters(ScriptProtocol.Operation.INSTALL, value, List.of(value, "b"));

      Read read = readAsTheScriptDoes(parameters);
      assertThat(read.criteria()).as("seed %s, value %s", SEED, printable(value)).isEqualTo(value);
      assertThat(read.updateIds()).as("seed %s, value %s", SEED, printable(value)).containsExactly(value, "b");
      assertThat(parameters).as("a JSON document on one line, without control characters")
          .doesNotContain("\n", "\r", "\u0000", "\u0007");
    }
  }

  @Test
  void hostileQueryStringsAreRefusedBeforeTheNodeOrReachItOnlyAsData() throws IOException {
    int refused = 0;
    for (String value : values()) {
      for (String query : List.of(value, "IsInstalled=0 and Type='" + value + "'", "IsInstalled=0 and " + value)) {
        SimulatedWindowsUpdateAgent agent = SimulatedWindowsUpdateAgent.of(Catalogues.CUMULATIVE);
        List<ProgramRequest> requests = new ArrayList<>();
        ConformanceContext context = ConformanceContext.on(ConformanceNode.of((ProgramRunner) (request, call) -> {
          requests.add(request);
          return agent.run(request, call);
        }));
        UpdatePlugin plugin;
        try {
          plugin = Catalogues.plugin("QueryString", query);
        } catch (CriteriaException e) {
          refused++;
          assertThat(e.position()).as("seed %s, query %s", SEED, printable(query)).isBetween(1, query.length() + 1);
          assertThat(requests).isEmpty();
          continue;
        }
        plugin.scan(context);

        ProgramRequest request = requests.get(0);
        assertThat(request.program()).as("seed %s: the script text never changes", SEED).isEqualTo(AgentScript.body());
        assertThat(request.arguments()).hasSize(1);
        assertThat(readAsTheScriptDoes(request.arguments().get(0)).criteria()).as("seed %s, query %s", SEED,
            printable(query)).isEqualTo(SearchCriteria.parse("QueryString", query).text());
      }
    }
    assertThat(refused).as("most hostile queries break the grammar").isGreaterThan(values().size());
  }

  @Test
  void hostileBooleansAreRefused() {
    for (String value : values()) {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        continue;
      }
      try {
        Catalogues.plugin("IncludeRecommendedUpdates", value);
        throw new AssertionError("seed " + SEED + ": accepted IncludeRecommendedUpdates " + printable(value));
      } catch (InvalidOptionsException e) {
        assertThat(e.option()).isEqualTo("IncludeRecommendedUpdates");
      }
    }
  }

  private record Read(String criteria, List<String> updateIds) {}

  /** Reads the parameters as {@code ConvertFrom-Json} gives them to the script: plain JSON values. */
  private static Read readAsTheScriptDoes(String parameters) throws IOException {
    String criteria = null;
    List<String> ids = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(parameters)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (name.equals("criteria")) {
          criteria = parser.getText();
        } else if (name.equals("updateIds")) {
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            ids.add(parser.getText());
          }
        } else if (token == JsonToken.START_ARRAY) {
          parser.skipChildren();
        }
      }
      assertThat(parser.nextToken()).as("one document only").isNull();
    }
    return new Read(String.valueOf(criteria), ids);
  }

  private static String printable(String value) {
    String shown = value.length() > 120 ? value.substring(0, 120) + "...(" + value.length() + " characters)" : value;
    StringBuilder out = new StringBuilder("\"");
    shown.codePoints().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
    return out.append('"').toString();
  }
}
