package io.octopods.service.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Intercom surfaces show for a status (status-model.md, section 5; api.md, "Surfaces"):
 * the Inbox label with its icon, the Reach step, and the Reach timeline of a message built from the
 * times each status was reached. Pure: no framework, no clock; the time type is the caller's.
 */
public final class SurfaceLabels {
  private SurfaceLabels() {}

  /**
   * An Inbox icon: its name on the JSON read, and the text that stands for it on a canvas (list
   * images need HTTPS).
   */
  public enum Icon {
    CLOCK("clock", "\uD83D\uDD53"),
    CHECK("check", "\u2713"),
    CHECK_DOUBLE("check-double", "\u2713\u2713"),
    EYE("eye", "\uD83D\uDC41"),
    X_CIRCLE("x-circle", "\u2297"),
    TRASH("trash", "\uD83D\uDDD1");

    private final String iconName;
    private final String text;

    Icon(String iconName, String text) {
      this.iconName = iconName;
      this.text = text;
    }

    /**
     * The icon's name on {@code GET /surfaces/intercom/messages/{id}}, e.g. {@code check-double}.
     */
    public String iconName() {
      return iconName;
    }

    /**
     * The characters that show the icon in canvas text, e.g. two check marks for {@code
     * check-double}.
     */
    public String text() {
      return text;
    }
  }

  /** The Intercom Inbox's "Delivery Status": a short label and its icon. */
  public enum InboxLabel {
    SEND_ATTEMPTED("Send Attempted", Icon.CLOCK),
    SENT("Sent", Icon.CHECK),
    DELIVERED("Delivered", Icon.CHECK_DOUBLE),
    READ("Read", Icon.EYE),
    DELIVERY_FAILED("Delivery Failed", Icon.X_CIRCLE),
    DELETED("Deleted", Icon.TRASH);

    private final String label;
    private final Icon icon;

    InboxLabel(String label, Icon icon) {
      this.label = label;
      this.icon = icon;
    }

    public String label() {
      return label;
    }

    public Icon icon() {
      return icon;
    }

    /**
     * The icon's text and the label, as a canvas shows them, e.g. two check marks and {@code
     * Delivered}.
     */
    public String withIconText() {
      return icon.text() + " " + label;
    }
  }

  /**
   * A Reach timeline step, declared in the order a timeline lists them: Queued, Sent, Delivered,
   * Read, then Failed or Deleted.
   */
  public enum ReachStep {
    QUEUED("Queued"),
    SENT("Sent"),
    DELIVERED("Delivered"),
    READ("Read"),
    FAILED("Failed"),
    DELETED("Deleted");

    private final String label;

    ReachStep(String label) {
      this.label = label;
    }

    /** The step's name on the JSON read and on the canvas, e.g. {@code Queued}. */
    public String label() {
      return label;
    }
  }

  /**
   * One step of a Reach timeline.
   *
   * @param reachedAt when the step was reached; for an implied step, the time of the higher report
   *     that skipped it
   * @param implied true when no report of this step arrived and a higher one proves it happened
   */
  public record TimelineStep<T>(ReachStep step, T reachedAt, boolean implied) {
    public TimelineStep {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(reachedAt, "reachedAt");
    }
  }

  /**
   * A message's Reach timeline.
   *
   * @param current the step of the current status ({@code Queued} for {@code QUEUED} and {@code
   *     UNKNOWN})
   * @param terminal whether the outcome is settled (the status is terminal)
   * @param steps the steps reached, in timeline order
   */
  public record ReachTimeline<T>(ReachStep current, boolean terminal, List<TimelineStep<T>> steps) {
    public ReachTimeline {
      Objects.requireNonNull(current, "current");
      steps = List.copyOf(steps);
    }
  }

  /** The Inbox label of a status: {@code QUEUED} and {@code UNKNOWN} are "Send Attempted". */
  public static InboxLabel inboxLabel(Status status) {
    switch (Objects.requireNonNull(status, "status")) {
      case QUEUED:
      case UNKNOWN:
        return InboxLabel.SEND_ATTEMPTED;
      case SENT:
        return InboxLabel.SENT;
      case DELIVERED:
        return InboxLabel.DELIVERED;
      case READ:
        return InboxLabel.READ;
      case FAILED:
        return InboxLabel.DELIVERY_FAILED;
      case DELETED:
        return InboxLabel.DELETED;
      default:
        throw new IllegalArgumentException("no Inbox label for " + status);
    }
  }

  /** The Reach step of a status: {@code QUEUED} and {@code UNKNOWN} are the step "Queued". */
  public static ReachStep reachStep(Status status) {
    switch (Objects.requireNonNull(status, "status")) {
      case QUEUED:
      case UNKNOWN:
        return ReachStep.QUEUED;
      case SENT:
        return ReachStep.SENT;
      case DELIVERED:
        return ReachStep.DELIVERED;
      case READ:
        return ReachStep.READ;
      case FAILED:
        return ReachStep.FAILED;
      case DELETED:
        return ReachStep.DELETED;
      default:
        throw new IllegalArgumentException("no Reach step for " + status);
    }
  }

  /**
   * The Reach timeline of a message whose status is {@code status} and which reached each status of
   * {@code reached} at the time given (a status skipped by a higher report is not in it).
   *
   * <p>Only the steps reached are listed, in the order Queued, Sent, Delivered, Read, then Failed
   * or Deleted. Queued is reached at {@code QUEUED} (else {@code UNKNOWN}). A step that a higher
   * report skipped is listed with {@code implied: true} and the time of the lowest step reached
   * above it: {@code DELIVERED} with no {@code SENT} implies Sent; a {@code READ} or {@code
   * DELETED} that came first implies Sent and Delivered (never Read). Failed implies nothing (a
   * send can fail before it was sent). Queued is implied only in the unlikely case that neither
   * {@code QUEUED} nor {@code UNKNOWN} has a time while a higher step has one.
   */
  public static <T> ReachTimeline<T> reachTimeline(Status status, Map<Status, T> reached) {
    Objects.requireNonNull(reached, "reached");
    T queued = first(reached.get(Status.QUEUED), reached.get(Status.UNKNOWN));
    T sent = reached.get(Status.SENT);
    T delivered = reached.get(Status.DELIVERED);
    T read = reached.get(Status.READ);
    T deleted = reached.get(Status.DELETED);
    T failed = reached.get(Status.FAILED);

    List<TimelineStep<T>> steps = new ArrayList<>();
    add(steps, ReachStep.QUEUED, queued, first(sent, delivered, read, deleted, failed));
    add(steps, ReachStep.SENT, sent, first(delivered, read, deleted));
    add(steps, ReachStep.DELIVERED, delivered, first(read, deleted));
    add(steps, ReachStep.READ, read, null);
    add(steps, ReachStep.FAILED, failed, null);
    add(steps, ReachStep.DELETED, deleted, null);
    return new ReachTimeline<>(reachStep(status), status.isTerminal(), steps);
  }

  private static <T> void add(
      List<TimelineStep<T>> steps, ReachStep step, T reachedAt, T impliedBy) {
    if (reachedAt != null) {
      steps.add(new TimelineStep<>(step, reachedAt, false));
    } else if (impliedBy != null) {
      steps.add(new TimelineStep<>(step, impliedBy, true));
    }
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
