package io.octopods.service.domain;

/**
 * A message's delivery status, declared in rank order with {@code FAILED} apart (status-model.md,
 * sections 1 and 2); {@code QUEUED} is internal and shown as {@code UNKNOWN} on every surface.
 */
public enum Status {
  /** Accepted, hand-off not attempted yet; never shown (public status {@code UNKNOWN}). */
  QUEUED(0),
  /** Accepted, no provider has confirmed anything yet. */
  UNKNOWN(1),
  /** Handed to the provider; no delivery report yet. */
  SENT(2),
  /** The provider confirmed delivery to the device. */
  DELIVERED(3),
  /** The recipient opened it (WhatsApp only). */
  READ(4),
  /** The recipient deleted it after it was delivered. */
  DELETED(5),
  /**
   * The send or the delivery failed. It stands apart from the delivered chain; its rank is the rank
   * at which an outcome is settled (that of {@code DELIVERED}), so {@code SENT} or {@code UNKNOWN}
   * on {@code FAILED} is a lower rank, and rank alone never decides between the two outcomes (that
   * is a conflict).
   */
  FAILED(3);

  private final int rank;

  Status(int rank) {
    this.rank = rank;
  }

  /** The rank of section 2: {@code QUEUED} 0 up to {@code DELETED} 5; {@code FAILED} 3. */
  public int rank() {
    return rank;
  }

  /** True once the outcome is settled and a client may stop polling (section 1). */
  public boolean isTerminal() {
    return this == FAILED || isDeliveredFamily();
  }

  /** True for {@code DELIVERED}, {@code READ} and {@code DELETED}: the message was delivered. */
  public boolean isDeliveredFamily() {
    return this == DELIVERED || this == READ || this == DELETED;
  }

  /** The status every surface shows: {@code QUEUED} shows as {@code UNKNOWN}, the rest as is. */
  public Status publicStatus() {
    return this == QUEUED ? UNKNOWN : this;
  }

  /**
   * The upper-case name shown on the API and on HubSpot, e.g. {@code "UNKNOWN"} for {@code QUEUED}.
   */
  public String publicName() {
    return publicStatus().name();
  }
}
