package nl.postbrug.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import nl.postbrug.audit.chain.ChainEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for the auditor: a page at a time, or every matching event. */
@Service
@Transactional(readOnly = true)
public class AuditEvents {

	public record Page(List<ChainEvent> events, long total, int number, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

		public boolean hasNewer() {
			return number > 1;
		}

		public boolean hasOlder() {
			return number < pages();
		}

	}

	private final JdbcTemplate jdbc;

	AuditEvents(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
	}

	/** Page {@code number} (from 1) of the matching events, newest first. */
	public Page page(EventQuery query, int number, int size) {
		Where where = where(query);
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where.sql(), Long.class,
				where.params().toArray());
		List<Object> params = new ArrayList<>(where.params());
		params.add((long) (number - 1) * size);
		params.add(size);
		List<ChainEvent> events = jdbc.query(
				ChainEvent.SELECT + where.sql() + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, n) -> ChainEvent.read(rs), params.toArray());
		return new Page(events, total, number, size);
	}

	/** Every matching event in chain order, one at a time, without holding them all. */
	public void forEach(EventQuery query, Consumer<ChainEvent> each) {
		Where where = where(query);
		jdbc.query(ChainEvent.SELECT + where.sql() + " ORDER BY seq", rs -> {
			each.accept(ChainEvent.read(rs));
		}, where.params().toArray());
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(EventQuery query) {
		StringBuilder sql = new StringBuilder(" WHERE at >= ? AND at < ?");
		List<Object> params = new ArrayList<>(
				List.of(query.from().atOffset(ZoneOffset.UTC), query.to().atOffset(ZoneOffset.UTC)));
		if (query.actor() != null) {
			sql.append(" AND actor = ?");
			params.add(query.actor());
		}
		if (query.object() != null && query.object().endsWith("*")) {
			sql.append(" AND subject LIKE ? ESCAPE '\\'");
			params.add(likeEscaped(query.object().substring(0, query.object().length() - 1)) + "%");
		}
		else if (query.object() != null) {
			sql.append(" AND subject = ?");
			params.add(query.object());
		}
		if (query.action() != null) {
			sql.append(" AND type = ?");
			params.add(query.action());
		}
		return new Where(sql.toString(), params);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
