package dev.cau.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.RunId;
import dev.cau.core.journal.RolloutDescriptor;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.SecondOrderStaging;
import dev.cau.core.profile.RunProfile;
import dev.cau.core.quorum.QuorumPolicy;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A journaled profile is read with the options the run had, even one written before an option existed. */
class RunHeadersTests {
  private static final RunId RUN = new RunId(new UUID(0, 9));

  private static String profile(RunOptions options) throws IOException {
    StringWriter text = new StringWriter();
    RunProfile.write(options, text, dev.cau.core.plugin.PluginRegistry.builder().build());
    return text.toString();
  }

  private static RunHeader header(String profile) {
    return new RunHeader(RUN, "c", RunHeader.RunKind.ROLLING, profile, List.of(), QuorumPolicy.STATIC_MAJORITY,
        new RolloutDescriptor("cau.one-node-at-a-time", Map.of()), Instant.EPOCH);
  }

  @Test
  void aProfileJournaledBeforeSecondOrderStagingExistedReadsAsWhileDrained() throws IOException {
    String today = profile(RunOptions.builder().plugin("P").build());
    assertThat(today).contains("SecondOrderStaging = OutsideDrainedWindow");
    String before = today.lines().filter(l -> !l.startsWith("SecondOrderStaging")).reduce("", (a, l) -> a + l + "\n");

    RunOptions read = RunProfile.read(new StringReader(RunHeaders.profileOf(header(before))));

    assertThat(read.secondOrderStaging()).isEqualTo(SecondOrderStaging.WHILE_DRAINED);
    assertThat(RunProfile.read(new StringReader(RunHeaders.profileOf(header(today)))).secondOrderStaging())
        .isEqualTo(SecondOrderStaging.OUTSIDE_DRAINED_WINDOW);
  }

  @Test
  void resumingSuchARunWithTodaysDefaultIsRefusedNamingTheOption() throws IOException {
    String today = profile(RunOptions.builder().plugin("P").build());
    String before = today.lines().filter(l -> !l.startsWith("SecondOrderStaging")).reduce("", (a, l) -> a + l + "\n");
    String whileDrained = profile(RunOptions.builder().plugin("P").secondOrderStaging(SecondOrderStaging.WHILE_DRAINED).build());

    assertThatThrownBy(() -> RunHeaders.checkSameOptions(header(before), header(today)))
        .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("SecondOrderStaging = OutsideDrainedWindow")
        .hasMessageContaining("SecondOrderStaging = WhileDrained");
    RunHeaders.checkSameOptions(header(before), header(whileDrained));
  }
}
