package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surfaces' reads: a workspace's messages to one contact, by email or by phone, newest first,
 * limited.
 */
class JdbcSurfaceQueriesTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  TestDatabase db;
  JdbcMessageStore store;
  JdbcSurfaceQueries queries;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    queries = new JdbcSurfaceQueries(store);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private MessageRecord insert(String id, String workspace, String to, String email, int minute) {
    Instant at = T0.plusSeconds(60L * minute);
    MessageRecord m =
        new MessageRecord(
            id,
            workspace,
            Channel.SMS,
            to,
            "hi",
            Optional.ofNullable(email),
            Optional.empty(),
            Status.QUEUED,
            at,
            at,
            Optional.empty(),
            Map.of(Status.QUEUED, at));
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    return m;
  }

  private static List<String> ids(List<MessageRecord> records) {
    return records.stream().map(MessageRecord::messageId).toList();
  }

  @Test
  void byEmailIsNewestFirstWithinTheWorkspaceWithoutRegardToCase() {
    String a =
        insert(UUID.randomUUID().toString(), "acme", "+15551230001", "Ann@Example.com", 1)
            .messageId();
    String b =
        insert(UUID.randomUUID().toString(), "acme", "+15551230002", "ann@example.com", 3)
            .messageId();
    String c =
        insert(UUID.randomUUID().toString(), "acme", "+15551230003", "ann@example.com", 2)
            .messageId();
    insert(UUID.randomUUID().toString(), "beta", "+15551230001", "ann@example.com", 4);
    insert(UUID.randomUUID().toString(), "acme", "+15551230001", "bob@example.com", 5);
    insert(UUID.randomUUID().toString(), "acme", "+15551230001", null, 6);

    assertThat(ids(queries.byContactEmail("acme", "ANN@example.com ", 10)))
        .containsExactly(b, c, a);
    assertThat(ids(queries.byContactEmail("acme", "ann@example.com", 2))).containsExactly(b, c);
    assertThat(queries.byContactEmail("gamma", "ann@example.com", 10)).isEmpty();
  }

  @Test
  void byRecipientMatchesToExactlyWithinTheWorkspace() {
    String a = insert(UUID.randomUUID().toString(), "acme", "+15551230001", null, 1).messageId();
    String b =
        insert(UUID.randomUUID().toString(), "acme", "+15551230001", "ann@example.com", 2)
            .messageId();
    insert(UUID.randomUUID().toString(), "acme", "+15551230002", null, 3);
    insert(UUID.randomUUID().toString(), "beta", "+15551230001", null, 4);

    assertThat(ids(queries.byRecipient("acme", "+15551230001", 10))).containsExactly(b, a);
    assertThat(ids(queries.byRecipient("acme", "+15551230001", 1))).containsExactly(b);
  }

  @Test
  void sameCreationTimeIsOrderedByMessageIdDescending() {
    insert("00000000-0000-4000-8000-00000000000a", "acme", "+15551230001", "ann@example.com", 1);
    insert("00000000-0000-4000-8000-00000000000b", "acme", "+15551230001", "ann@example.com", 1);
    assertThat(ids(queries.byContactEmail("acme", "ann@example.com", 10)))
        .containsExactly(
            "00000000-0000-4000-8000-00000000000b", "00000000-0000-4000-8000-00000000000a");
  }

  @Test
  void theLimitIsOneToOneHundred() {
    assertThatThrownBy(() -> queries.byContactEmail("acme", "a@example.com", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queries.byRecipient("acme", "+15551230001", 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
