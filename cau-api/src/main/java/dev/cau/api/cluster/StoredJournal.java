package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A run's journal as a {@link RunStore} read it back.
 *
 * @param records the records that were read intact, in the order they were appended
 * @param damage what was wrong with the records after the last intact one (a torn tail), which
 *     the store's writer has cut and a reader left in place; {@code null} if the journal was intact
 */
@API(status = STABLE, since = "0.1.0")
public record StoredJournal(List<String> records, @Nullable String damage) {
  /**
   * Copies the records.
   *
   * @param records the intact records
   * @param damage what was cut, or {@code null}
   */
  public StoredJournal {
    records = List.copyOf(records);
  }
}
