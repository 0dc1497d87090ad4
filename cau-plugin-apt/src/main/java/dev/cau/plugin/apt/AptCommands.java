package dev.cau.plugin.apt;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.RunAs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs the plug-in runs, as argument lists. Every option is a fixed string; the only
 * values that vary are package names and versions the plug-in has checked, and they always come
 * after {@code --}, so none can be read as an option. The environment ({@code
 * DEBIAN_FRONTEND=noninteractive}, {@code LC_ALL=C} for output apt does not translate) is given
 * through {@code env}, as data.
 */
final class AptCommands {
  static final String ENV = "/usr/bin/env";
  static final String APT_GET = "/usr/bin/apt-get";
  static final String DPKG_QUERY = "/usr/bin/dpkg-query";
  static final String TEST = "/usr/bin/test";
  static final String CAT = "/usr/bin/cat";

  /** Output kept from apt: a simulation of every package of a large system fits many times. */
  static final int OUTPUT_LIMIT = 4 << 20;
  static final int FLAG_OUTPUT_LIMIT = 64 << 10;

  static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(10);
  static final Duration SIMULATE_TIMEOUT = Duration.ofMinutes(5);
  static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(60);
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(60);
  static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

  /** Options every apt-get call gets: wait for a lock held by another apt instead of failing. */
  private static final List<String> COMMON = List.of("-q", "-o", "DPkg::Lock::Timeout=300");

  /** Keeps changed configuration files as the administrator left them, without asking. */
  private static final List<String> CONFFILES =
      List.of("-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold");

  private AptCommands() {}

  static ProgramRequest updateLists() {
    return aptGet(List.of("update"), UPDATE_TIMEOUT);
  }

  /** {@code apt-get -s upgrade} (or {@code dist-upgrade}): what an upgrade would do, changing nothing. */
  static ProgramRequest simulateUpgrade(AptOptions options) {
    List<String> arguments = new ArrayList<>(List.of("-s"));
    if (options.withNewPackages() && !options.distUpgrade()) {
      arguments.add("--with-new-pkgs");
    }
    arguments.add(options.distUpgrade() ? "dist-upgrade" : "upgrade");
    return aptGet(arguments, SIMULATE_TIMEOUT);
  }

  /** {@code apt-get -s install -- NAME=VERSION...}: what installing the targets would do. */
  static ProgramRequest simulateInstall(List<PackageUpdate> targets) {
    return aptGet(withTargets(List.of("-s", "install"), targets), SIMULATE_TIMEOUT);
  }

  static ProgramRequest download(List<PackageUpdate> targets) {
    return aptGet(withTargets(List.of("-y", "--download-only", "install"), targets), DOWNLOAD_TIMEOUT);
  }

  static ProgramRequest install(List<PackageUpdate> targets) {
    List<String> arguments = new ArrayList<>(List.of("-y"));
    arguments.addAll(CONFFILES);
    arguments.add("install");
    return aptGet(withTargets(arguments, targets), INSTALL_TIMEOUT);
  }

  /** Installed version and state of each package; unknown names are reported on standard error. */
  static ProgramRequest queryInstalled(List<PackageUpdate> packages) {
    List<String> arguments = new ArrayList<>(
        List.of("-W", "-f=${binary:Package}\\t${Version}\\t${db:Status-Abbrev}\\n", "--"));
    packages.forEach(p -> arguments.add(p.name()));
    return system(ProgramRequest.program(DPKG_QUERY, arguments), QUERY_TIMEOUT, OUTPUT_LIMIT);
  }

  static ProgramRequest rebootFlagExists() {
    return system(ProgramRequest.program(TEST, List.of("-e", RebootFlag.FLAG)), QUERY_TIMEOUT, FLAG_OUTPUT_LIMIT);
  }

  static ProgramRequest rebootPackages() {
    return system(ProgramRequest.program(CAT, List.of("--", RebootFlag.PACKAGES)), QUERY_TIMEOUT, FLAG_OUTPUT_LIMIT);
  }

  private static List<String> withTargets(List<String> arguments, List<PackageUpdate> targets) {
    List<String> all = new ArrayList<>(arguments);
    all.add("--");
    targets.forEach(t -> all.add(t.id()));
    return all;
  }

  private static ProgramRequest aptGet(List<String> arguments, Duration timeout) {
    List<String> all = new ArrayList<>(List.of("DEBIAN_FRONTEND=noninteractive", "LC_ALL=C", APT_GET));
    all.addAll(COMMON);
    all.addAll(arguments);
    return system(ProgramRequest.program(ENV, all), timeout, OUTPUT_LIMIT);
  }

  private static ProgramRequest system(ProgramRequest request, Duration timeout, int outputLimit) {
    return request.withRunAs(RunAs.SYSTEM).withTimeout(timeout).withOutputLimit(outputLimit);
  }
}
