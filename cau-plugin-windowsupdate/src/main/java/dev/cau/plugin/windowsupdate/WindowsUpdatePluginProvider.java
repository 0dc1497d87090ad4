package dev.cau.plugin.windowsupdate;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.List;

/**
 * Provides {@value #NAME}, Cluster-Aware Updating's default plug-in.
 *
 * <p>Arguments, as CAU's {@code CauPluginArguments} gives them:
 *
 * <ul>
 *   <li>{@value #INCLUDE_RECOMMENDED_UPDATES} (default {@code False}): also install recommended
 *       updates, not only important ones;
 *   <li>{@value #QUERY_STRING} (default {@value SearchCriteria#DEFAULT}): Windows Update Agent
 *       search criteria that replace the default; parsed and checked when the plug-in is created,
 *       before any node is touched.
 * </ul>
 */
public final class WindowsUpdatePluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Microsoft.WindowsUpdatePlugin";

  /** The argument that adds recommended updates. */
  public static final String INCLUDE_RECOMMENDED_UPDATES = "IncludeRecommendedUpdates";

  /** The argument that replaces the search criteria. */
  public static final String QUERY_STRING = "QueryString";

  private static final List<PluginArgument> ARGUMENTS = List.of(
      PluginArgument.optional(INCLUDE_RECOMMENDED_UPDATES, ArgumentType.BOOLEAN, "False",
          "Whether to install recommended updates as well as important ones."),
      PluginArgument.optional(QUERY_STRING, ArgumentType.STRING, SearchCriteria.DEFAULT,
          "Windows Update Agent search criteria that replace the default ones."));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public WindowsUpdatePluginProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<PluginArgument> arguments() {
    return ARGUMENTS;
  }

  /**
   * Creates the plug-in, after checking its arguments.
   *
   * @param arguments the run's arguments, completed with defaults
   * @return the plug-in
   * @throws CriteriaException if {@value #QUERY_STRING} is not valid criteria, naming the
   *     position and the rule
   * @throws InvalidOptionsException if {@value #INCLUDE_RECOMMENDED_UPDATES} is not
   *     {@code True} or {@code False}
   */
  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    String option = "CauPluginArguments[" + NAME + "].";
    boolean recommended = arguments.getBoolean(INCLUDE_RECOMMENDED_UPDATES).orElse(false);
    SearchCriteria criteria = SearchCriteria.parse(option + QUERY_STRING,
        arguments.get(QUERY_STRING).orElse(SearchCriteria.DEFAULT));
    return new WindowsUpdatePlugin(criteria, recommended);
  }
}
