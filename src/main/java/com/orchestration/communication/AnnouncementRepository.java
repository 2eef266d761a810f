package com.orchestration.communication;

import com.orchestration.lifecycle.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code announcement}. */
@Repository
class AnnouncementRepository {

  private static final String COLUMNS = "id, channel, type, priority, subject, message, affected_instructions, "
      + "affected_domains, action_items, author, created_at";

  private final JdbcClient jdbc;

  AnnouncementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Announcement.Draft d, String author, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into announcement (channel, type, priority, subject, message, affected_instructions, "
            + "affected_domains, action_items, author, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.channel(), d.type().value(), d.priority().jsonName(), d.subject(), d.message(),
            join(d.affectedInstructions(), ","), join(d.affectedDomains(), ","), join(d.actionItems(), "\n"),
            author, Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Announcement find(long id) {
    return jdbc.sql("select " + COLUMNS + " from announcement where id = ?").param(id)
        .query(AnnouncementRepository::map).single();
  }

  Optional<Announcement> find(String channel, long id) {
    return jdbc.sql("select " + COLUMNS + " from announcement where channel = ? and id = ?").params(channel, id)
        .query(AnnouncementRepository::map).optional();
  }

  /** The newest {@code limit} announcements of the channels, returned oldest first. */
  List<Announcement> latest(Collection<String> channels, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", channels.stream().map(c -> "?").toList());
    List<Announcement> newestFirst = jdbc.sql("select " + COLUMNS + " from announcement where channel in (" + marks
            + ") order by id desc fetch first " + limit + " rows only")
        .params(new ArrayList<Object>(channels)).query(AnnouncementRepository::map).list();
    List<Announcement> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /**
   * Announcements of the channels, oldest first: after {@code afterId} (exclusive, 0 = from the start) and at or
   * after {@code since} (null = any time), at most {@code limit}.
   */
  List<Announcement> find(Collection<String> channels, long afterId, Instant since, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(channels);
    String marks = String.join(", ", channels.stream().map(c -> "?").toList());
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from announcement where channel in (" + marks
        + ") and id > ?");
    params.add(afterId);
    if (since != null) {
      sql.append(" and created_at >= ?");
      params.add(Timestamp.from(since));
    }
    sql.append(" order by id fetch first ").append(limit).append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(AnnouncementRepository::map).list();
  }

  private static Announcement map(ResultSet rs, int row) throws SQLException {
    return new Announcement(rs.getLong("id"), rs.getString("channel"),
        AnnouncementType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
        Priority.valueOf(rs.getString("priority").toUpperCase(Locale.ROOT)), rs.getString("subject"),
        rs.getString("message"), split(rs.getString("affected_instructions"), ","),
        split(rs.getString("affected_domains"), ","), split(rs.getString("action_items"), "\n"),
        rs.getString("author"), rs.getTimestamp("created_at").toInstant());
  }

  private static String join(List<String> values, String separator) {
    return values.isEmpty() ? null : String.join(separator, values);
  }

  private static List<String> split(String value, String separator) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(separator));
  }
}
