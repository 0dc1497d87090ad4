package dev.cau.core.profile;

import java.util.List;

/**
 * A value as a profile reader found it, before it is given a meaning by its key.
 *
 * <p>Both formats produce these, so that {@link ProfileKeys} alone knows what each key means.
 * Each value knows where it came from, for messages: {@code line 7, MaxRetriesPerNode} in the
 * readable format, {@code En[Key=MaxRetriesPerNode]/I32} in a CLIXML profile.
 */
sealed interface ProfileValue {
  /** The type of every value of the readable format: text, possibly quoted, possibly a list. */
  String TEXT = "text";

  /**
   * Returns where the value is in the profile.
   *
   * @return a line or an element path
   */
  String where();

  /**
   * One value.
   *
   * @param where where it is
   * @param type {@link #TEXT} for the readable format, else the CLIXML element that held it,
   *     such as {@code S}, {@code I32}, {@code B}, {@code TS} or {@code ToString}
   * @param text the value as text; for {@code S}, with CLIXML's {@code _xHHHH_} escapes decoded
   */
  record Scalar(String where, String type, String text) implements ProfileValue {}

  /**
   * A list, such as a CLIXML {@code LST}.
   *
   * @param where where it is
   * @param items the items in order
   */
  record Items(String where, List<ProfileValue> items) implements ProfileValue {
    public Items {
      items = List.copyOf(items);
    }
  }

  /**
   * A hashtable, such as a CLIXML {@code DCT}.
   *
   * @param where where it is
   * @param entries the entries in the order they were found
   */
  record Table(String where, List<Entry> entries) implements ProfileValue {
    public Table {
      entries = List.copyOf(entries);
    }
  }

  /**
   * No value ({@code $null}, CLIXML's {@code Nil}): the key keeps its default.
   *
   * @param where where it is
   */
  record Nil(String where) implements ProfileValue {}

  /**
   * A CLIXML object no profile key takes, such as a {@code PSCredential}; kept so that the key's
   * own check (a refused or unknown key) speaks first, and refused when a key is given one.
   *
   * @param where where it is
   * @param description what it is, such as {@code a System.Management.Automation.PSCredential}
   */
  record Unreadable(String where, String description) implements ProfileValue {}

  /**
   * One key with its value.
   *
   * @param key the key as written, in any letter case
   * @param where where the entry is, such as {@code line 7} or {@code En[Key=MaxRetriesPerNode]}
   * @param value the value
   */
  record Entry(String key, String where, ProfileValue value) {}
}
