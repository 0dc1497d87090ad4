/**
 * Types shared by every part of the SPI: the root exception {@link dev.cau.api.CauException} and
 * its subclasses, the {@link dev.cau.api.RunId} of an updating run, and the
 * {@link dev.cau.api.OperationContext} passed with every blocking call the engine makes into
 * outside code.
 */
@NullMarked
package dev.cau.api;

import org.jspecify.annotations.NullMarked;
