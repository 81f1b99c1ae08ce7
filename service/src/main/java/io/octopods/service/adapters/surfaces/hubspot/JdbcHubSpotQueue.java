package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.adapters.persistence.Database;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.OutboxItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link HubSpotQueue} on the {@code outbox} table (PostgreSQL or the embedded H2, the same SQL). A head is an item
 * with no older undone item of the same message; it is taken by a conditional update of its lease, so two instances
 * never take the same item, and an item whose worker died is taken again when its lease runs out.
 *
 * <p>Per message, outbox order is status order: every item of a message is enqueued in a transaction that holds the
 * message's row (its insert, or {@code SELECT ... FOR UPDATE}), so a later status always gets a higher {@code seq}.
 */
public final class JdbcHubSpotQueue implements HubSpotQueue {
  static final String HEADS = "SELECT o.seq, o.kind, o.message_id, o.payload, o.due_at, o.attempts FROM outbox o "
      + "WHERE o.kind = ? AND o.done_at IS NULL AND o.due_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ?) "
      + "AND o.seq = (SELECT MIN(e.seq) FROM outbox e WHERE e.kind = o.kind AND e.message_id = o.message_id "
      + "AND e.done_at IS NULL) "
      + "ORDER BY o.kind, o.done_at, o.due_at, o.seq LIMIT ?"; // the columns of index outbox_due: no sort (V4)
  static final String LEASE = "UPDATE outbox SET lease_until = ? WHERE seq = ? AND done_at IS NULL "
      + "AND (lease_until IS NULL OR lease_until < ?)";

  private final DataSource dataSource;

  public JdbcHubSpotQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<OutboxItem> claimHeads(Instant now, int limit, Instant leaseUntil) {
    if (limit < 1) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Database.commitWithoutWaitingForDisk(c); // a lease lost in a crash: the item is pushed again, harmlessly
        List<OutboxItem> claimed = claim(c, now, limit, leaseUntil);
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is gone; nothing was committed
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new MessageStore.StorageUnavailable("cannot claim HubSpot pushes: " + e.getMessage(), e);
    }
  }

  private static List<OutboxItem> claim(Connection c, Instant now, int limit, Instant leaseUntil) throws SQLException {
    List<OutboxItem> heads = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(HEADS)) {
      ps.setString(1, OutboxItem.HUBSPOT);
      ps.setObject(2, utc(now));
      ps.setObject(3, utc(now));
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
          heads.add(new OutboxItem(rs.getLong("seq"), rs.getString("kind"), rs.getString("message_id"),
              rs.getString("payload"), due == null ? null : due.toInstant(), rs.getInt("attempts")));
        }
      }
    }
    List<OutboxItem> claimed = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(LEASE)) {
      for (OutboxItem item : heads) {
        ps.setObject(1, utc(leaseUntil));
        ps.setLong(2, item.seq());
        ps.setObject(3, utc(now));
        if (ps.executeUpdate() == 1) {
          claimed.add(item);
        }
      }
    }
    return claimed;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return "JdbcHubSpotQueue";
  }
}
