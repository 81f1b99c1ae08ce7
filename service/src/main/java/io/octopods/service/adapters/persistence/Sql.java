package io.octopods.service.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Small JDBC conversions: instants as UTC timestamps with milliseconds, optionals as nulls. */
final class Sql {
  private Sql() {}

  static void instant(PreparedStatement ps, int i, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      // the columns keep milliseconds; truncate rather than let the database round up, or an item
      // due "now"
      // could be stored a fraction of a millisecond in the future and missed by a claim made at
      // once
      ps.setObject(
          i, OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
    }
  }

  static void instant(PreparedStatement ps, int i, Optional<Instant> value) throws SQLException {
    instant(ps, i, value.orElse(null));
  }

  static void text(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
    ps.setString(i, value.orElse(null));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(instant(rs, column));
  }

  static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
