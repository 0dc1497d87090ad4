/**
 * Run options with CAU's names, defaults and ranges, validated when they are set.
 */
@NullMarked
package dev.cau.core.options;

import org.jspecify.annotations.NullMarked;
