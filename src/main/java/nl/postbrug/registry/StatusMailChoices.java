package nl.postbrug.registry;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a relative wants a mail on each change of their messages' status, and the
 * language those mails are written in. Off until the relative turns it on on the account
 * page; each change is an audit event.
 */
@Service
public class StatusMailChoices {

	/** The choice of one account; {@code language} is Dutch or English. */
	public record Choice(boolean statusMails, Locale language) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StatusMailChoices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Choice> of(long contactId) {
		return jdbc.sql("SELECT status_mails, language FROM contact WHERE id = ?")
			.param(contactId)
			.query((rs, n) -> new Choice(rs.getBoolean(1), language(rs.getString(2))))
			.optional();
	}

	/**
	 * @param language the language of the page the choice was made on; the mails follow
	 * it
	 */
	@Transactional
	public void choose(long contactId, boolean statusMails, Locale language) {
		Choice before = of(contactId).orElseThrow();
		Locale chosen = language(language.getLanguage());
		jdbc.sql("UPDATE contact SET status_mails = ?, language = ? WHERE id = ?")
			.params(statusMails, chosen.getLanguage(), contactId)
			.update();
		if (before.statusMails() != statusMails || !before.language().equals(chosen)) {
			String email = jdbc.sql("SELECT email FROM contact WHERE id = ?")
				.param(contactId)
				.query(String.class)
				.single();
			events.publishEvent(new AccountChanged(contactId, email,
					statusMails ? AccountChanged.Change.STATUS_MAILS_ON : AccountChanged.Change.STATUS_MAILS_OFF,
					clock.instant()));
		}
	}

	private static Locale language(String tag) {
		return Locale.ENGLISH.getLanguage().equals(tag) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
	}

}
