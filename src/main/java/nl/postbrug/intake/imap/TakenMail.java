package nl.postbrug.intake.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Puts taken mail out of the poller's way, only after it was committed: moved to the
 * processed folder (IMAP {@code MOVE}, or {@code COPY} + {@code \Deleted} +
 * {@code EXPUNGE} where the server has no {@code MOVE}), or flagged {@value #FLAG} and
 * left in place when there is no processed folder.
 */
final class TakenMail {

	/** The keyword marking taken mail when there is no processed folder to move it to. */
	static final String FLAG = "$PostbrugTaken";

	private final String processedFolder;

	TakenMail(String processedFolder) {
		this.processedFolder = processedFolder == null || processedFolder.isBlank() ? null : processedFolder;
	}

	/** The processed folder, created when missing; {@code null} when mail is flagged. */
	Folder processedFolder(Store store) throws MessagingException {
		if (processedFolder == null) {
			return null;
		}
		Folder processed = store.getFolder(processedFolder);
		if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("Cannot create the folder " + processedFolder);
		}
		return processed;
	}

	static boolean isTaken(Message message) throws MessagingException {
		return message.getFlags().contains(FLAG);
	}

	/** Moves (or flags) the messages; returns how many. */
	int putAway(IMAPFolder inbox, Folder processed, Message[] done) throws MessagingException {
		if (done.length == 0) {
			return 0;
		}
		IMAPStore imap = (IMAPStore) inbox.getStore();
		if (processed == null) {
			inbox.setFlags(done, new Flags(FLAG), true);
		}
		else if (imap.hasCapability("MOVE")) {
			inbox.moveMessages(done, processed);
		}
		else {
			inbox.copyMessages(done, processed);
			inbox.setFlags(done, new Flags(Flags.Flag.DELETED), true);
			if (imap.hasCapability("UIDPLUS")) {
				inbox.expunge(done);
			}
			else {
				inbox.expunge();
			}
		}
		return done.length;
	}

}
