package dev.cau.core.store;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.StorageHealthStatus;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Writes cluster snapshots into journal records and reads them back: whole, or (format 2) as the
 * changes from the journal's previous snapshot.
 *
 * <p>A whole snapshot is an object with {@code "name"}, {@code "nodes"}, {@code "witness"},
 * {@code "roles"} and {@code "storage"}. Changes are an object with {@code "since"}, the sequence
 * of the entry whose snapshot they change, and only what differs from it: {@code "witness"} and
 * {@code "storage"} when they changed; {@code "nodes"} and {@code "roles"} as arrays of
 * {@code {"at":i,"node":{...}}} (or {@code "role"}) for each position whose element changed or is
 * new, in increasing order; and {@code "nodeCount"} or {@code "roleCount"} when a list's length
 * changed (a shorter list is cut at the end). The cluster's name never changes in a change: a
 * renamed cluster is written whole.
 */
final class SnapshotCodec {
  // Fixed text written in one go (see JsonWriter#fragment): a run journals a node's or role's
  // changes on almost every step.
  private static final char[] AT = JsonWriter.fragmentOf("{'at':");
  private static final char[] NAME = JsonWriter.fragmentOf("{'name':");
  private static final char[] FAULT_DOMAIN_SITE = JsonWriter.fragmentOf("'faultDomain':{'site':");
  private static final char[] POSSIBLE_OWNERS = JsonWriter.fragmentOf("'possibleOwners':[");

  private SnapshotCodec() {}

  // ---------------------------------------------------------------------------------- writing

  /**
   * Writes a whole snapshot.
   *
   * @param out the writer, where a value belongs
   * @param snapshot the snapshot
   */
  static void write(JsonWriter out, ClusterSnapshot snapshot) {
    out.beginObject().member("name", snapshot.name()).name("nodes").beginArray();
    for (NodeSnapshot node : snapshot.nodes()) {
      writeNode(out, node);
    }
    out.endArray().name("witness");
    writeWitness(out, snapshot.witness());
    out.name("roles").beginArray();
    for (ClusteredRole role : snapshot.roles()) {
      writeRole(out, role);
    }
    out.endArray().name("storage");
    writeStorage(out, snapshot.storage());
    out.endObject();
  }

  /**
   * Tells whether a snapshot can be written as changes from a base: the base has a snapshot of
   * the same cluster.
   *
   * @param snapshot the snapshot to write
   * @param base the journal's latest snapshot
   * @return {@code true} if {@link #writeChanges} may be used
   */
  static boolean canWriteChanges(ClusterSnapshot snapshot, SnapshotBase base) {
    ClusterSnapshot before = base.snapshot();
    return before != null && before.name().equals(snapshot.name());
  }

  /**
   * Writes a snapshot as its changes from the journal's latest snapshot.
   *
   * @param out the writer, where a value belongs
   * @param snapshot the snapshot
   * @param base the journal's latest snapshot, for which {@link #canWriteChanges} holds
   */
  static void writeChanges(JsonWriter out, ClusterSnapshot snapshot, SnapshotBase base) {
    ClusterSnapshot before = base.snapshot();
    if (before == null) {
      throw new IllegalArgumentException("No earlier snapshot to write changes from");
    }
    out.beginObject().member("since", base.sequence());
    if (before != snapshot) {
      writeChangedElements(out, "nodeCount", "nodes", "node", before.nodes(), snapshot.nodes(),
          SnapshotCodec::writeNode);
      if (!before.witness().equals(snapshot.witness())) {
        writeWitness(out.name("witness"), snapshot.witness());
      }
      writeChangedElements(out, "roleCount", "roles", "role", before.roles(), snapshot.roles(),
          SnapshotCodec::writeRole);
      if (!before.storage().equals(snapshot.storage())) {
        writeStorage(out.name("storage"), snapshot.storage());
      }
    }
    out.endObject();
  }

  private static <T> void writeChangedElements(
      JsonWriter out,
      String countName,
      String listName,
      String elementName,
      List<T> before,
      List<T> after,
      BiConsumer<JsonWriter, T> writer) {
    if (before == after) {
      return;
    }
    if (after.size() != before.size()) {
      out.member(countName, after.size());
    }
    boolean opened = false;
    for (int i = 0; i < after.size(); i++) {
      T element = after.get(i);
      if (i < before.size()) {
        T old = before.get(i);
        if (old == element || old.equals(element)) {
          continue;
        }
      }
      if (!opened) {
        out.name(listName).beginArray();
        opened = true;
      }
      out.fragment(AT).value(i).name(elementName);
      writer.accept(out, element);
      out.endObject();
    }
    if (opened) {
      out.endArray();
    }
  }

  private static void writeNode(JsonWriter out, NodeSnapshot node) {
    FaultDomain domain = node.faultDomain();
    out.fragment(NAME)
        .value(node.name())
        .constantMember("state", node.state().name())
        .member("voteWeight", node.voteWeight())
        .fragment(FAULT_DOMAIN_SITE)
        .value(domain.site())
        .member("rack", domain.rack())
        .member("chassis", domain.chassis())
        .endObject();
    if (node.knowsBootId()) {
      out.member("bootId", node.bootId());
    }
    out.endObject();
  }

  private static void writeWitness(JsonWriter out, Witness witness) {
    out.beginObject()
        .constantMember("kind", witness.kind().name())
        .constantMember("state", witness.state().name())
        .endObject();
  }

  private static void writeRole(JsonWriter out, ClusteredRole role) {
    out.fragment(NAME).value(role.name()).member("ownerNode", role.ownerNode()).fragment(POSSIBLE_OWNERS);
    for (String owner : role.possibleOwners()) {
      out.value(owner);
    }
    out.endArray().constantMember("state", role.state().name()).endObject();
  }

  private static void writeStorage(JsonWriter out, StorageHealth storage) {
    out.beginObject()
        .constantMember("status", storage.status().name())
        .member("runningRepairJobs", storage.runningRepairJobs())
        .endObject();
  }

  // ---------------------------------------------------------------------------------- reading

  /**
   * Reads a whole snapshot.
   *
   * @param fields the snapshot's object
   * @return the snapshot
   * @throws JournalFormatException if the object is not a valid snapshot
   */
  static ClusterSnapshot read(JsonFields fields) {
    fields.only("name", "nodes", "witness", "roles", "storage");
    Witness witness = witness(fields.object("witness"));
    StorageHealth storage = storage(fields.object("storage"));
    return fields.build(
        () ->
            new ClusterSnapshot(
                fields.string("name"),
                fields.list("nodes", SnapshotCodec::node),
                witness,
                fields.list("roles", SnapshotCodec::role),
                storage));
  }

  /**
   * Reads a snapshot written as its changes from the journal's latest snapshot.
   *
   * @param changes the changes' object
   * @param base the journal's latest snapshot before the record being read
   * @return the snapshot
   * @throws JournalFormatException if the object is not valid changes, or changes another snapshot
   *     than the base's
   */
  static ClusterSnapshot readChanges(JsonFields changes, SnapshotBase base) {
    changes.only("since", "nodeCount", "nodes", "witness", "roleCount", "roles", "storage");
    long since = changes.longValue("since");
    ClusterSnapshot before = base.snapshot();
    if (before == null) {
      throw JsonFields.fail(
          changes.pathOf("since"),
          "changes the cluster snapshot of entry "
              + since
              + ", but no entry before it holds a snapshot; a change is read with the journal's"
              + " earlier records, as StoredRunJournal.open reads them");
    }
    if (since != base.sequence()) {
      throw JsonFields.fail(
          changes.pathOf("since"),
          "changes the cluster snapshot of entry "
              + since
              + ", but the latest snapshot before it is in entry "
              + base.sequence());
    }
    List<NodeSnapshot> nodes =
        changedElements(changes, "nodeCount", "nodes", "node", before.nodes(), SnapshotCodec::node);
    Witness witness = changes.has("witness") ? witness(changes.object("witness")) : before.witness();
    List<ClusteredRole> roles =
        changedElements(changes, "roleCount", "roles", "role", before.roles(), SnapshotCodec::role);
    StorageHealth storage =
        changes.has("storage") ? storage(changes.object("storage")) : before.storage();
    if (nodes == before.nodes() && roles == before.roles()
        && witness == before.witness() && storage == before.storage()) {
      return before;
    }
    return changes.build(() -> new ClusterSnapshot(before.name(), nodes, witness, roles, storage));
  }

  /** One changed position of a list. */
  private record Change<T>(int at, T element, String path) {}

  private static <T> List<T> changedElements(
      JsonFields changes,
      String countName,
      String listName,
      String elementName,
      List<T> before,
      BiFunction<Object, String, T> element) {
    int count = before.size();
    if (changes.has(countName)) {
      count = changes.intValue(countName);
      if (count < 0) {
        throw JsonFields.fail(changes.pathOf(countName), "must not be negative, but was " + count);
      }
    }
    if (!changes.has(listName)) {
      if (count > before.size()) {
        throw JsonFields.fail(
            changes.pathOf(listName),
            "is missing, but " + (count - before.size()) + " " + listName + " are new");
      }
      return count == before.size() ? before : before.subList(0, count);
    }
    List<Change<T>> changed =
        changes.list(
            listName,
            (value, path) -> {
              JsonFields change = JsonFields.of(value, path).only("at", elementName);
              return new Change<>(
                  change.intValue("at"),
                  element.apply(change.value(elementName), change.pathOf(elementName)),
                  path);
            });
    // Sized by what was read, never by the count a damaged record may claim.
    List<T> after = new ArrayList<>(before.size() + changed.size());
    after.addAll(before.subList(0, Math.min(count, before.size())));
    int next = 0;
    for (Change<T> change : changed) {
      if (change.at() < next || change.at() >= count) {
        throw JsonFields.fail(
            change.path() + ".at",
            "must be from " + next + " to " + (count - 1) + " (after the position before it, and"
                + " within the " + count + " " + listName + "), but was " + change.at());
      }
      if (change.at() > after.size()) {
        throw missingNewElement(changes, listName, after.size());
      }
      if (change.at() < after.size()) {
        after.set(change.at(), change.element());
      } else {
        after.add(change.element());
      }
      next = change.at() + 1;
    }
    if (after.size() < count) {
      throw missingNewElement(changes, listName, after.size());
    }
    return after;
  }

  private static JournalFormatException missingNewElement(
      JsonFields changes, String listName, int position) {
    return JsonFields.fail(
        changes.pathOf(listName),
        "has no element at position " + position + ", which is new and must be given");
  }

  private static Witness witness(JsonFields fields) {
    fields.only("kind", "state");
    return fields.build(
        () ->
            new Witness(
                fields.enumValue("kind", WitnessKind.class),
                fields.enumValue("state", WitnessState.class)));
  }

  private static StorageHealth storage(JsonFields fields) {
    fields.only("status", "runningRepairJobs");
    return fields.build(
        () ->
            new StorageHealth(
                fields.enumValue("status", StorageHealthStatus.class),
                fields.intValue("runningRepairJobs")));
  }

  private static NodeSnapshot node(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path).only("name", "state", "voteWeight", "faultDomain", "bootId");
    JsonFields domain = fields.object("faultDomain").only("site", "rack", "chassis");
    return fields.build(
        () ->
            new NodeSnapshot(
                fields.string("name"),
                fields.enumValue("state", NodeState.class),
                fields.intValue("voteWeight"),
                new FaultDomain(
                    domain.nullableString("site"),
                    domain.nullableString("rack"),
                    domain.nullableString("chassis")),
                fields.has("bootId") ? fields.string("bootId") : ""));
  }

  private static ClusteredRole role(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path).only("name", "ownerNode", "possibleOwners", "state");
    return fields.build(
        () ->
            new ClusteredRole(
                fields.string("name"),
                fields.string("ownerNode"),
                fields.strings("possibleOwners"),
                fields.enumValue("state", RoleState.class)));
  }
}
