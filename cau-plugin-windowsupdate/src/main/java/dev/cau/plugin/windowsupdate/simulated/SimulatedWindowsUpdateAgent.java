package dev.cau.plugin.windowsupdate.simulated;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import dev.cau.plugin.windowsupdate.CriteriaException;
import dev.cau.plugin.windowsupdate.SearchCriteria;
import dev.cau.plugin.windowsupdate.SearchCriteria.Property;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Windows Update Agent behind the standard {@link ProgramRunner} capability: it
 * answers the plug-in's node-side script requests with the same JSON documents the real script
 * writes, from a per-node catalogue of {@link CatalogueUpdate}s.
 *
 * <p>What it models, from the agent's documentation: the search criteria (evaluated with
 * {@link SearchCriteria}; invalid ones fail with {@code WU_E_INVALID_CRITERIA}); downloads, and an
 * install that first downloads what was not staged, as the script does;
 * an exclusive update installed with others fails with {@code WU_E_EXCLUSIVE_INSTALL_CONFLICT};
 * updates that fail with their HRESULT; updates that need a restart, which finish when the node
 * restarts ({@link #restart()}); updates that only apply once another is installed; the refusal of
 * downloads and installs to a caller that is not {@code SYSTEM} ({@code E_ACCESSDENIED}); the
 * update source and the Automatic Updates setting. No Windows machine runs here: this is how the
 * plug-in is tested end to end.
 *
 * <p>{@link #answer} also says how long the agent worked, so that a simulator can charge virtual
 * time; {@link #run} ignores it. Not thread-safe: a simulation is single-threaded.
 */
public final class SimulatedWindowsUpdateAgent implements ProgramRunner {
  /** The agent version {@code status} reports. */
  public static final String AGENT_VERSION = "10.0.20348.2322";

  private static final int WU_S_ALREADY_INSTALLED = 0x00240006;
  private static final int WU_E_NOT_APPLICABLE = 0x80240017;
  private static final int WU_E_EXCLUSIVE_INSTALL_CONFLICT = 0x80240019;
  private static final int WU_E_ALL_UPDATES_FAILED = 0x80240022;
  private static final int WU_E_INVALID_CRITERIA = 0x80240032;
  private static final int E_ACCESSDENIED = 0x80070005;
  private static final int SUCCEEDED = 2;
  private static final int SUCCEEDED_WITH_ERRORS = 3;
  private static final int FAILED = 4;

  private static final Map<String, String> CLASSIFICATION_IDS = Map.of(
      "critical updates", "e6cf1350-c01b-414d-a61f-263d14d133b4",
      "definition updates", "e0789628-ce08-4437-be74-2495b842f43b",
      "drivers", "ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0",
      "security updates", "0fa1201d-4330-4fa8-8ae9-b877473b6441",
      "update rollups", "28bc880e-0592-4cbf-8f95-c79b17911d5f",
      "updates", "cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83",
      "upgrades", "3689bdc8-b205-4af4-8d4a-a63924c5e9d5");

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(1 << 16).build())
      .build();

  private final Map<String, CatalogueUpdate> catalogue = new LinkedHashMap<>();
  private final Set<String> downloaded = new LinkedHashSet<>();
  private final Set<String> installed = new LinkedHashSet<>();
  private final Set<String> awaitingRestart = new LinkedHashSet<>();
  private final List<String> operations = new ArrayList<>();
  private boolean rebootPending;
  private String updateSource = "WSUS";
  private @Nullable String serviceId = "3da21691-e39d-4da6-8a4b-b43877bcb1b7";
  private int notificationLevel = 3;
  private boolean unreachable;

  /**
   * Creates an agent with a catalogue.
   *
   * @param updates the updates the node could be offered, in the order the agent lists them
   */
  public SimulatedWindowsUpdateAgent(List<CatalogueUpdate> updates) {
    for (CatalogueUpdate update : updates) {
      if (catalogue.put(update.updateId(), update) != null) {
        throw new IllegalArgumentException("The catalogue holds update " + update.updateId() + " twice");
      }
    }
  }

  /**
   * Creates an agent with a catalogue.
   *
   * @param updates the updates
   * @return the agent
   */
  public static SimulatedWindowsUpdateAgent of(CatalogueUpdate... updates) {
    return new SimulatedWindowsUpdateAgent(List.of(updates));
  }

  /**
   * Sets the update source {@code status} reports.
   *
   * @param source {@code WSUS}, {@code WindowsUpdate}, {@code MicrosoftUpdate} or {@code Other}
   * @param service the default service's GUID, or {@code null}
   * @return this agent
   */
  public SimulatedWindowsUpdateAgent updateSource(String source, @Nullable String service) {
    this.updateSource = Objects.requireNonNull(source, "source");
    this.serviceId = service;
    return this;
  }

  /**
   * Sets Automatic Updates' {@code NotificationLevel}: 1 disabled, 2 notify before download, 3
   * notify before installation, 4 scheduled installation.
   *
   * @param level 0 to 4
   * @return this agent
   */
  public SimulatedWindowsUpdateAgent notificationLevel(int level) {
    this.notificationLevel = level;
    return this;
  }

  /**
   * Plants a restart that is pending before the run, as an earlier install leaves one.
   *
   * @return this agent
   */
  public SimulatedWindowsUpdateAgent plantPendingRestart() {
    this.rebootPending = true;
    return this;
  }

  /**
   * Makes every call fail as a node whose Windows Update service is disabled does: the script
   * exits 1 with an error document.
   *
   * @return this agent
   */
  public SimulatedWindowsUpdateAgent makeUnreachable() {
    this.unreachable = true;
    return this;
  }

  /** Restarts the node: installs that needed a restart finish, and no restart is pending. */
  public void restart() {
    installed.addAll(awaitingRestart);
    awaitingRestart.clear();
    rebootPending = false;
  }

  /**
   * Returns the updates installed, including those awaiting a restart, in install order.
   *
   * @return their {@code UpdateID}s
   */
  public List<String> installed() {
    List<String> all = new ArrayList<>(installed);
    awaitingRestart.stream().filter(id -> !installed.contains(id)).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * Returns the updates downloaded.
   *
   * @return their {@code UpdateID}s
   */
  public Set<String> downloaded() {
    return Set.copyOf(downloaded);
  }

  /**
   * Returns every operation asked of the agent, such as {@code scan},
   * {@code download [id, id]} or {@code install [id]}, oldest first.
   *
   * @return the operations
   */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  @Override
  public ProgramResult run(ProgramRequest request, OperationContext context) {
    context.cancellation().throwIfCancellationRequested();
    return answer(request).result();
  }

  /**
   * An answer and how long the agent took to give it.
   *
   * @param result the script's exit code and output
   * @param took the time the work took
   */
  public record Answer(ProgramResult result, Duration took) {}

  /**
   * Answers one request of the plug-in's script.
   *
   * @param request the request, whose one argument is the script's JSON parameters
   * @return the answer and the time it took
   */
  public Answer answer(ProgramRequest request) {
    if (request.shell() != Shell.POWERSHELL || request.arguments().size() != 1) {
      return new Answer(new ProgramResult(1, "", "The simulated agent answers only the plug-in's PowerShell script"
          + " with its one JSON argument", false), Duration.ZERO);
    }
    Parameters parameters = Parameters.read(request.arguments().get(0));
    operations.add(parameters.operation + (parameters.updateIds.isEmpty() ? "" : " " + parameters.updateIds));
    if (unreachable) {
      return error(parameters.operation, 0x80070422, "The Windows Update service is disabled");
    }
    SearchCriteria criteria;
    try {
      criteria = SearchCriteria.parse("criteria", parameters.criteria);
    } catch (CriteriaException e) {
      return error(parameters.operation, WU_E_INVALID_CRITERIA, String.valueOf(e.getMessage()));
    }
    boolean system = request.runAs() == RunAs.SYSTEM;
    return switch (parameters.operation) {
      case "scan" -> scan(criteria);
      case "download" -> system ? download(criteria, parameters.updateIds)
          : error("download", E_ACCESSDENIED, "CreateUpdateDownloader is not available to a remote caller");
      case "install" -> system ? install(criteria, parameters.updateIds)
          : error("install", E_ACCESSDENIED, "CreateUpdateInstaller is not available to a remote caller");
      case "status" -> status();
      default -> error(parameters.operation, 0x80070057, "unknown operation '" + parameters.operation + "'");
    };
  }

  private List<CatalogueUpdate> search(SearchCriteria criteria) {
    return catalogue.values().stream().filter(this::applies).filter(u -> criteria.matches(p -> property(u, p))).toList();
  }

  private boolean applies(CatalogueUpdate update) {
    String prerequisite = update.appearsAfter();
    return prerequisite == null || installed.contains(prerequisite);
  }

  private boolean isInstalled(CatalogueUpdate update) {
    return installed.contains(update.updateId()) || awaitingRestart.contains(update.updateId());
  }

  private @Nullable Object property(CatalogueUpdate u, Property property) {
    return switch (property) {
      case TYPE -> u.type();
      case DEPLOYMENT_ACTION -> "Installation";
      case IS_ASSIGNED -> flag(u.kind() != CatalogueUpdate.Kind.OPTIONAL);
      case BROWSE_ONLY -> flag(u.kind() == CatalogueUpdate.Kind.OPTIONAL);
      case AUTO_SELECT_ON_WEB_SITES -> flag(u.kind() == CatalogueUpdate.Kind.IMPORTANT);
      case UPDATE_ID -> u.updateId();
      case REVISION_NUMBER -> 1L;
      case CATEGORY_IDS -> {
        String id = CLASSIFICATION_IDS.get(u.classification().toLowerCase(Locale.ROOT));
        yield id == null ? List.of() : List.of(id);
      }
      case IS_INSTALLED, IS_PRESENT -> flag(isInstalled(u));
      case IS_HIDDEN -> flag(u.hidden());
      case REBOOT_REQUIRED -> flag(awaitingRestart.contains(u.updateId()));
    };
  }

  private static Long flag(boolean value) {
    return value ? 1L : 0L;
  }

  private Answer scan(SearchCriteria criteria) {
    List<CatalogueUpdate> found = search(criteria);
    return document("scan", json -> {
      json.writeArrayFieldStart("updates");
      for (CatalogueUpdate u : found) {
        json.writeStartObject();
        json.writeStringField("updateId", u.updateId());
        json.writeNumberField("revisionNumber", 1);
        json.writeStringField("title", u.title());
        json.writeArrayFieldStart("kbArticleIds");
        if (u.kb() != null) {
          json.writeString(u.kb());
        }
        json.writeEndArray();
        json.writeStringField("classification", u.classification());
        json.writeNumberField("maxDownloadSize", u.sizeBytes());
        json.writeNumberField("rebootBehavior", u.rebootBehavior());
        json.writeNumberField("impact", u.installAlone() ? 2 : 0);
        json.writeBooleanField("autoSelectOnWebSites", u.kind() == CatalogueUpdate.Kind.IMPORTANT);
        json.writeBooleanField("browseOnly", u.kind() == CatalogueUpdate.Kind.OPTIONAL);
        json.writeBooleanField("eulaAccepted", u.eulaAccepted());
        json.writeBooleanField("canRequestUserInput", u.canRequestUserInput());
        json.writeBooleanField("isHidden", u.hidden());
        json.writeBooleanField("isDownloaded", downloaded.contains(u.updateId()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }, Duration.ofMinutes(1));
  }

  private Answer download(SearchCriteria criteria, List<String> ids) {
    List<CatalogueUpdate> found = search(criteria);
    List<Result> results = new ArrayList<>();
    Duration took = Duration.ZERO;
    for (String id : ids) {
      CatalogueUpdate update = found.stream().filter(u -> u.updateId().equals(id)).findFirst().orElse(null);
      if (update == null) {
        results.add(new Result(id, FAILED, WU_E_NOT_APPLICABLE, false));
        continue;
      }
      downloaded.add(id);
      took = took.plus(update.download());
      results.add(new Result(id, SUCCEEDED, 0, false));
    }
    return operation("download", results, took);
  }

  private Answer install(SearchCriteria criteria, List<String> ids) {
    List<CatalogueUpdate> found = search(criteria);
    List<CatalogueUpdate> asked = found.stream().filter(u -> ids.contains(u.updateId())).toList();
    boolean conflict = asked.size() > 1 && asked.stream().anyMatch(CatalogueUpdate::installAlone);
    List<Result> results = new ArrayList<>();
    Duration took = Duration.ZERO;
    // As the script does: content that was not staged is downloaded before installing.
    List<String> missing = asked.stream().map(CatalogueUpdate::updateId).filter(id -> !downloaded.contains(id)).toList();
    if (!missing.isEmpty()) {
      operations.add("download during install " + missing);
      for (CatalogueUpdate update : asked) {
        if (downloaded.add(update.updateId())) {
          took = took.plus(update.download());
        }
      }
    }
    for (String id : ids) {
      CatalogueUpdate update = catalogue.get(id);
      if (update != null && isInstalled(update)) {
        results.add(new Result(id, SUCCEEDED, WU_S_ALREADY_INSTALLED, false));
      } else if (update == null || !asked.contains(update)) {
        results.add(new Result(id, FAILED, WU_E_NOT_APPLICABLE, false));
      } else if (conflict) {
        results.add(new Result(id, FAILED, WU_E_EXCLUSIVE_INSTALL_CONFLICT, false));
      } else if (update.failingHresult() != 0) {
        took = took.plus(update.install());
        results.add(new Result(id, FAILED, update.failingHresult(), false));
      } else {
        took = took.plus(update.install());
        boolean restart = update.rebootBehavior() != 0;
        (restart ? awaitingRestart : installed).add(id);
        rebootPending |= restart;
        results.add(new Result(id, SUCCEEDED, 0, restart));
      }
    }
    return operation("install", results, took);
  }

  private Answer status() {
    return document("status", json -> {
      json.writeStringField("agentVersion", AGENT_VERSION);
      json.writeStringField("updateSource", updateSource);
      if (serviceId == null) {
        json.writeNullField("serviceId");
      } else {
        json.writeStringField("serviceId", serviceId);
      }
      json.writeNumberField("notificationLevel", notificationLevel);
    }, Duration.ofSeconds(5));
  }

  private record Result(String updateId, int resultCode, int hresult, boolean rebootRequired) {}

  private Answer operation(String operation, List<Result> results, Duration took) {
    long succeeded = results.stream().filter(r -> r.resultCode == SUCCEEDED).count();
    int overall = succeeded == results.size() ? SUCCEEDED : succeeded == 0 ? FAILED : SUCCEEDED_WITH_ERRORS;
    return document(operation, json -> {
      json.writeNumberField("resultCode", overall);
      json.writeNumberField("hResult", overall == FAILED ? WU_E_ALL_UPDATES_FAILED : 0);
      json.writeBooleanField("rebootRequired", results.stream().anyMatch(Result::rebootRequired));
      json.writeArrayFieldStart("results");
      for (Result r : results) {
        json.writeStartObject();
        json.writeStringField("updateId", r.updateId);
        json.writeNumberField("resultCode", r.resultCode);
        json.writeNumberField("hResult", r.hresult);
        json.writeBooleanField("rebootRequired", r.rebootRequired);
        json.writeEndObject();
      }
      json.writeEndArray();
    }, took);
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private Answer document(String operation, Body body, Duration took) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schema", 1);
      json.writeStringField("operation", operation);
      json.writeBooleanField("rebootPending", rebootPending);
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Answer(new ProgramResult(0, out + "\n", "", false), took);
  }

  private static Answer error(String operation, int hresult, String message) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schema", 1);
      json.writeStringField("operation", operation);
      json.writeObjectFieldStart("error");
      json.writeNumberField("hResult", hresult);
      json.writeStringField("message", message);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Answer(new ProgramResult(1, out + "\n", "", false), Duration.ofSeconds(1));
  }

  /** The script's parameters, read as the script reads them. */
  private record Parameters(String operation, String criteria, List<String> updateIds) {
    static Parameters read(String document) {
      String operation = "";
      String criteria = "";
      List<String> ids = new ArrayList<>();
      try (JsonParser parser = JSON.createParser(document)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("The script's parameters must be one JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (name) {
            case "operation" -> operation = parser.getText();
            case "criteria" -> criteria = parser.getText();
            case "updateIds" -> {
              while (parser.nextToken() == JsonToken.VALUE_STRING) {
                ids.add(parser.getText());
              }
            }
            default -> {
              if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                parser.skipChildren();
              }
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("The script's parameters are not JSON: " + e.getMessage(), e);
      }
      return new Parameters(operation, criteria, List.copyOf(ids));
    }
  }
}
