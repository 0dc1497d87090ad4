/**
 * An example third-party update plug-in: firmware for Contoso RAID controllers, written against
 * {@code dev.cau.api} alone.
 *
 * <p>The plug-in reaches each node's controllers through the
 * {@link dev.cau.plugin.example.firmware.RaidControllerAgent} capability, which this module
 * exports so that a management product's {@code NodeController} can offer it.
 */
module dev.cau.plugin.example.firmware {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;

  exports dev.cau.plugin.example.firmware;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider;
}
