package dev.cau.plugin.example.firmware;

import java.util.List;

/**
 * The Contoso RAID agent on one node: the capability the firmware plug-in asks a node for with
 * {@code context.capability(RaidControllerAgent.class)}.
 *
 * <p>A management product implements it, usually over the agent's remote interface, and offers
 * it from its {@code NodeController#capability(Class)}. Every method is a blocking call that may
 * take long; none is called for two updates of the same node at once.
 */
public interface RaidControllerAgent {
  /** The exit code of a flash that succeeded; the firmware runs at once. */
  int EXIT_SUCCESS = 0;

  /** The exit code of a flash that succeeded; the firmware runs after the node restarts. */
  int EXIT_SUCCESS_REBOOT_REQUIRED = 3010;

  /**
   * Lists the node's RAID controllers with the firmware each runs and has pending.
   *
   * @return the controllers, in the order the agent numbers them
   * @throws RaidAgentException if the agent does not answer
   */
  List<RaidController> controllers() throws RaidAgentException;

  /**
   * Lists the firmware packages a repository offers.
   *
   * @param repository the repository's URL
   * @param apiToken the token that authorizes access to it
   * @return the packages, for every model
   * @throws RaidAgentException if the agent does not answer or the repository refuses it
   */
  List<FirmwarePackage> packages(String repository, String apiToken) throws RaidAgentException;

  /**
   * Downloads a package from a repository and flashes it onto one controller.
   *
   * @param controllerId the controller's id
   * @param firmware the package
   * @param repository the repository's URL
   * @param apiToken the token that authorizes the download
   * @return the flash tool's exit code: {@value #EXIT_SUCCESS},
   *     {@value #EXIT_SUCCESS_REBOOT_REQUIRED}, or any other value for a failure
   * @throws RaidAgentException if the agent does not answer or the repository refuses it
   */
  int flash(String controllerId, FirmwarePackage firmware, String repository, String apiToken)
      throws RaidAgentException;
}
