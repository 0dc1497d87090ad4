/**
 * The Contoso RAID controller firmware plug-in, {@value
 * dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider#NAME}: it flashes each controller
 * of a node with the newest firmware its repository offers for the controller's model, one
 * package per controller at a time, and reports firmware that only applies once an earlier
 * version runs after the node restarts.
 *
 * <p>A node offers its controllers through the
 * {@link dev.cau.plugin.example.firmware.RaidControllerAgent} capability. The plug-in is an
 * example of what a vendor writes against {@code dev.cau.api} alone; its tests run the testkit's
 * conformance kit against it.
 */
@NullMarked
package dev.cau.plugin.example.firmware;

import org.jspecify.annotations.NullMarked;
