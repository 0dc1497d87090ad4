package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.core.report.ReportFormat;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Picocli converters for the values the commands share. Each refuses a bad value with a message
 * that says what is allowed and quotes what was given; picocli adds the option's name.
 */
final class Converters {
  /** The time zone times are shown in unless the command is given another: UTC, so named. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private Converters() {}

  /**
   * Returns the report format a file's extension names.
   *
   * @param file the file
   * @return the format of a {@code .html}, {@code .csv} or {@code .json} file, in any case; empty
   *     otherwise
   */
  static Optional<ReportFormat> formatOf(Path file) {
    Path name = file.getFileName();
    String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    for (ReportFormat format : ReportFormat.values()) {
      if (text.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Reads a time zone: a region such as {@code Europe/Berlin}, {@code UTC} or an offset. */
  static final class ZoneIdConverter implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new CommandLine.TypeConversionException(
            "must be a time zone such as UTC, Europe/Berlin or +01:00, but was '" + value + "'");
      }
    }
  }

  /** Reads a report format, {@code html}, {@code csv} or {@code json}, in any case. */
  static final class ReportFormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      for (ReportFormat format : ReportFormat.values()) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new CommandLine.TypeConversionException("must be html, csv or json, but was '" + value + "'");
    }
  }

  /** Reads a run id, the UUID that {@code cau run} and {@code cau report} print. */
  static final class RunIdConverter implements CommandLine.ITypeConverter<RunId> {
    @Override
    public RunId convert(String value) {
      try {
        return RunId.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("must be a run id, a UUID such as"
            + " 0f8fad5b-d9cb-469f-a165-70867728950e as 'cau report' lists them, but was '" + value + "'");
      }
    }
  }

  /** Reads an ISO-8601 date or date-time, see {@link DateBound}. */
  static final class DateBoundConverter implements CommandLine.ITypeConverter<DateBound> {
    @Override
    public DateBound convert(String value) {
      try {
        return DateBound.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
