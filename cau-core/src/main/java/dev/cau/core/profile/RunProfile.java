package dev.cau.core.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Reads and writes Updating Run Profiles: the run options an administrator saves once and uses
 * for many runs, as CAU's {@code -CauPluginName …} parameters saved with {@code Export-Clixml}.
 *
 * <p>Two formats are read. The readable format is UTF-8 text with one {@code Key = Value} a line
 * and CAU's parameter names, written by {@link #write(RunOptions, Writer, PluginRegistry)}; CAU's
 * own CLIXML profile is imported with {@link #importClixml(InputStream)}. Keys match regardless
 * of letter case. Each value goes through {@link RunOptions.Builder}, so its checks apply, and
 * every error names where in the profile the value was.
 *
 * <p>As in CAU, a profile never holds credentials, the self-updating schedule
 * ({@code StartDate}, {@code DaysOfWeek}, {@code WeeksOfMonth}, {@code IntervalWeeks},
 * {@code RunOnce}), {@code ClusterName} or {@code NodeOrder}: a profile that has one of these
 * keys is refused, and writing never produces one. Nor does writing ever produce the value of a
 * secret plug-in argument. {@code docs/profiles.md} lists every key.
 *
 * <p>The methods are stateless and safe to call from any thread.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RunProfile {
  /** The largest profile read: 1 MiB (bytes of a file or CLIXML stream, characters of a reader). */
  public static final int MAX_SIZE = 1024 * 1024;
  /** The longest line of the readable format, in characters. */
  public static final int MAX_LINE_LENGTH = 8 * 1024;

  private static final String TEXT_SOURCE = "Profile";
  private static final String CLIXML_SOURCE = "CLIXML profile";

  private RunProfile() {}

  /**
   * Reads a profile in the readable format.
   *
   * @param reader the text; read to its end, not closed
   * @return the options; every option the profile does not give has its default
   * @throws IOException if reading fails
   * @throws InvalidProfileException if the profile is too large or malformed, holds a key it may
   *     not hold or a key twice, or a value is not allowed; the message names the line
   */
  public static RunOptions read(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    return ProfileKeys.toOptions(TEXT_SOURCE, TextProfileReader.read(reader, TEXT_SOURCE));
  }

  /**
   * Reads a profile file in the readable format.
   *
   * @param file a UTF-8 text file
   * @return the options; every option the profile does not give has its default
   * @throws IOException if the file cannot be read
   * @throws InvalidProfileException if the file is larger than {@link #MAX_SIZE} or not UTF-8,
   *     or for any reason {@link #read(Reader)} gives
   */
  public static RunOptions read(Path file) throws IOException {
    String source = TEXT_SOURCE + " \"" + file + "\"";
    checkSize(file, source);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ProfileKeys.toOptions(source, TextProfileReader.read(reader, source));
    } catch (CharacterCodingException e) {
      throw new InvalidProfileException(source + ": is not UTF-8 text", null, e);
    }
  }

  /**
   * Writes options as a profile in the readable format: a header, then every profile option with
   * its current value, in a stable order, so that the file documents itself. Reading it back
   * gives the same options, except for what a profile does not hold: {@code NodeOrder}, the
   * quorum policy, and secret plug-in arguments.
   *
   * <p>The value of a plug-in argument that the plug-in's descriptor marks secret is never
   * written: a comment line names the argument instead. Nor is an argument the plug-in does not
   * declare, as nothing says it is not secret.
   *
   * @param options the options
   * @param writer where the text goes, with {@code \n} line ends; flushed, not closed
   * @param registry the plug-ins, whose descriptors say which arguments are secret
   * @throws IOException if writing fails
   * @throws dev.cau.api.PluginNotFoundException if a plug-in that has arguments is not in the
   *     registry; nothing is written then
   * @throws InvalidProfileException if a value holds a line break or other control character,
   *     which a line cannot hold; nothing is written then
   */
  public static void write(RunOptions options, Writer writer, PluginRegistry registry) throws IOException {
    Objects.requireNonNull(writer, "writer");
    writer.write(text(options, registry));
    writer.flush();
  }

  /**
   * Writes options as a profile file in the readable format, UTF-8, replacing the file if it
   * exists. See {@link #write(RunOptions, Writer, PluginRegistry)}.
   *
   * @param options the options
   * @param file the file to write
   * @param registry the plug-ins, whose descriptors say which arguments are secret
   * @throws IOException if writing fails
   * @throws dev.cau.api.PluginNotFoundException if a plug-in that has arguments is not in the
   *     registry; the file is not touched then
   * @throws InvalidProfileException if a value holds a line break or other control character;
   *     the file is not touched then
   */
  public static void write(RunOptions options, Path file, PluginRegistry registry) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.writeString(file, text(options, registry), StandardCharsets.UTF_8);
  }

  private static String text(RunOptions options, PluginRegistry registry) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(registry, "registry");
    return String.join("\n", TextProfileWriter.lines(options, registry)) + "\n";
  }

  /**
   * Imports a CAU profile saved as PowerShell CLIXML, such as
   * {@code C:\Windows\Cluster\DefaultParameters.xml}: one hashtable of cmdlet parameter names
   * and values, as {@code Import-Clixml} reads it.
   *
   * <p>The XML is parsed with every external access off and any DOCTYPE refused, and at most
   * {@link #MAX_SIZE} bytes are read.
   *
   * @param in the XML in the encoding it declares or marks (Export-Clixml writes UTF-16); not
   *     closed
   * @return the options; every option the profile does not give has its default
   * @throws IOException if reading fails
   * @throws InvalidProfileException if the input is too large, not well-formed XML (the message
   *     gives line and column), has a DOCTYPE, is not one hashtable, holds a key it may not hold
   *     or a key twice, or a value is not allowed; the message gives the element path, such as
   *     {@code En[Key=MaxRetriesPerNode]/I32}
   */
  public static RunOptions importClixml(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    return ProfileKeys.toOptions(CLIXML_SOURCE, ClixmlProfileReader.read(in, CLIXML_SOURCE));
  }

  /**
   * Imports a CAU profile file saved as PowerShell CLIXML. See {@link #importClixml(InputStream)}.
   *
   * @param file the XML file
   * @return the options
   * @throws IOException if the file cannot be read
   * @throws InvalidProfileException for any reason {@link #importClixml(InputStream)} gives
   */
  public static RunOptions importClixml(Path file) throws IOException {
    String source = CLIXML_SOURCE + " \"" + file + "\"";
    checkSize(file, source);
    try (InputStream in = Files.newInputStream(file)) {
      return ProfileKeys.toOptions(source, ClixmlProfileReader.read(in, source));
    }
  }

  /**
   * Returns every key a profile may hold. In the readable format, {@code CauPluginArguments} is
   * given one argument a line, as {@code CauPluginArguments.<PluginName>.<ArgumentName>}.
   *
   * @return the keys with CAU's spelling, in the order of {@code docs/profiles.md}
   */
  public static List<String> keys() {
    return ProfileKeys.names();
  }

  private static void checkSize(Path file, String source) throws IOException {
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new InvalidProfileException(source + ": is " + size + " bytes, larger than "
          + MAX_SIZE + " (1 MiB); a profile is a few kilobytes", null, null);
    }
  }
}
