package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over generated hostile file names, the update's path reaches {@link
 * dev.cau.api.capability.ProgramRunner} as one argument (or as the program itself), never spliced
 * into the template's other parameters, and a name with characters installers parse as syntax
 * never reaches an installer at all. Each case prints the seed that replays it.
 */
class HostileFileNamePropertyTests {
  private static final long BASE_SEED = 0x14_0000_0014L;
  private static final int CASES = 300;

  /** Pieces a hostile name is made of: quoting, shell and installer syntax, the placeholder, spaces, Unicode. */
  private static final String[] PIECES = {
      "a", "KB5034441", " ", "  ", "\"", "'", ";", "=", "%TEMP%", "!x!", "^", "&", "|", "<", ">", "`", "$update$",
      "$(calc)", "/quiet", "-x", " /i ", "..", ".", "(1)", "[x]", "{}", "#", "@", ",", "+", "~", "\u0443\u0437\u0435\u043B",
      "\u00DF", "\u212A", "\u200B", "\uD83D\uDE00", "\t", "CON", "\\", ":", "*", "?"};

  private static final String CONFIG = Fixtures.CONFIG;

  static String hostileName(SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    int pieces = 1 + random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      name.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return name.toString();
  }

  @Test
  void thePathIsAlwaysOneArgumentAndUnsafeNamesNeverRun() {
    int installed = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = BASE_SEED + i;
      String stem = hostileName(new SplittableRandom(seed));
      String msu = stem + ".msu";
      String exe = stem;
      if (stem.contains("\\")) {
        continue; // a separator makes a sub-path in the folder, not a name; WindowsNamesTests covers it
      }
      SimulatedCluster cluster = Fixtures.cluster("n1");
      HotfixRootFolder root = HotfixRootFolder.at(Fixtures.ROOT).configuration(CONFIG)
          .forAllNodes(msu, bytes("msu " + seed))
          .forAllNodes("BIOS\\" + exe, bytes("exe " + seed));
      root.plantOn(cluster);
      SimulatedNode node = cluster.node("n1");
      node.programs().define("wusa", SimulatedProgram.exitingWith(0));
      node.programs().define(root.resolve("CAUHotfix_All\\BIOS\\" + exe), SimulatedProgram.exitingWith(0));
      UpdatePlugin plugin = new HotfixPluginProvider().create(PluginArguments.of(Map.of(
          HotfixPluginProvider.ROOT_FOLDER_PATH, Fixtures.ROOT)));
      SimulatedContext context = new SimulatedContext(node, cluster.simulator().clock());

      List<Update> updates = plugin.scan(context);
      plugin.install(context, updates);

      String description = "seed " + seed + ", name \"" + stem + "\"";
      boolean msuSafe = WindowsNames.installerProblem(msu).isEmpty();
      boolean exeSafe = WindowsNames.installerProblem(exe).isEmpty();
      List<ProgramRequest> runs = node.programs().executed();
      assertThat(runs).as(description).hasSize((msuSafe ? 1 : 0) + (exeSafe ? 1 : 0));
      for (ProgramRequest run : runs) {
        if (run.program().endsWith("wusa.exe")) {
          assertThat(run.arguments()).as(description)
              .containsExactly(root.resolve("CAUHotfix_All\\" + msu), "/quiet", "/norestart");
        } else {
          assertThat(run.program()).as(description).isEqualTo(root.resolve("CAUHotfix_All\\BIOS\\" + exe));
          assertThat(run.arguments()).as(description).containsExactly("/s", "/l=bios.log");
        }
      }
      if (!msuSafe && WindowsNames.problem(msu).isEmpty()) {
        assertThat(context.lines()).as(description).anySatisfy(l -> assertThat(l).startsWith("warn: Hotfix file"));
      }
      installed += runs.size();
      refused += (msuSafe ? 0 : 1) + (exeSafe ? 0 : 1);
    }
    assertThat(installed).as("the generator yields names that install").isGreaterThan(50);
    assertThat(refused).as("the generator yields names that are refused").isGreaterThan(50);
  }
}
