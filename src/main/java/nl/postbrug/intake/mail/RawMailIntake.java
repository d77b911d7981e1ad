package nl.postbrug.intake.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.Receipt;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one way a raw mail becomes a stored message, whichever channel brought it (IMAP,
 * the drop folder). A mail that can be read is stored as read; one over the size limit is
 * stored from its headers alone; one that cannot be read (limits on its raw bytes, no
 * sender, a parser that gives up) is stored with its raw bytes. The last two carry their
 * reason, so screening rejects them visibly and nobody answers them: a hostile mail is
 * never lost, never silently dropped and never retried for ever.
 */
@Component
public class RawMailIntake {

	private static final Logger log = LoggerFactory.getLogger(RawMailIntake.class);

	/** How the mail could be taken. */
	public enum Kind {

		/** Read whole (it may still be refused for its parts). */
		READ,
		/** Over the size limit: only its headers were read. */
		OVERSIZE,
		/** Could not be read; kept as bytes. */
		UNREADABLE

	}

	/**
	 * What became of one raw mail.
	 *
	 * @param problem why it was not read whole ({@code null} for {@link Kind#READ})
	 */
	public record Taken(Receipt receipt, Kind kind, Reason problem) {
	}

	private final MailReader reader;

	private final MessageIntake intake;

	private final long maxMailBytes;

	RawMailIntake(MailReader reader, MessageIntake intake, IntakeSettings settings) {
		this.reader = reader;
		this.intake = intake;
		this.maxMailBytes = settings.maxMailBytes();
	}

	/** Reads and stores a whole mail; dedupes on its source hash. */
	public Taken take(byte[] raw, Channel channel) {
		if (raw.length > maxMailBytes) {
			return takeOversize(HeaderBlock.cut(raw), raw.length, channel);
		}
		NewMessage message;
		Kind kind = Kind.READ;
		Reason problem = null;
		try {
			message = reader.read(raw, channel);
		}
		catch (MailRefused ex) {
			problem = ex.reason();
			kind = Kind.UNREADABLE;
			message = reader.unreadable(raw, problem, channel);
		}
		catch (DataAccessException ex) {
			// The registry lookups failed, not the mail: try it again later.
			throw ex;
		}
		catch (RuntimeException ex) {
			// A parser that gives up on a hostile mail must not make it come back on
			// every
			// poll.
			log.warn("A {} mail could not be parsed; it is kept and rejected", channel, ex);
			problem = IntakeReason.MAIL_UNREADABLE.with(ex.getClass().getSimpleName());
			kind = Kind.UNREADABLE;
			message = reader.unreadable(raw, problem, channel);
		}
		return new Taken(intake.store(message, actor(channel)), kind, problem);
	}

	/**
	 * Stores a mail known only by its first bytes (at least its header block, or the
	 * first 64 KB) and its size, which is over the limit: it was never read whole.
	 */
	public Taken takeOversize(byte[] head, long size, Channel channel) {
		byte[] headers = HeaderBlock.cut(head);
		NewMessage message = reader.oversize(headers, size, channel);
		return new Taken(intake.store(message, actor(channel)), Kind.OVERSIZE, message.notes().refusal());
	}

	/** How many bytes of a mail to read when only its headers are wanted. */
	public static int headerBytes() {
		return HeaderBlock.MAX_BYTES;
	}

	private static String actor(Channel channel) {
		return switch (channel) {
			case IMAP -> "imap";
			case DROP_FOLDER -> "drop-folder";
			case WEB -> "web";
		};
	}

}
