package nl.postbrug.intake.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;

import nl.postbrug.intake.mail.RawMailIntake;

/**
 * A message's bytes from the server, never more than the limit: the whole message,
 * stopped at the limit when the server's RFC822.SIZE understated it, or only the first 64
 * KB of its header block, fetched with peek.
 */
final class ImapDownload {

	private final long maxMailBytes;

	ImapDownload(long maxMailBytes) {
		this.maxMailBytes = maxMailBytes;
	}

	/** The raw message, or {@code null} when it is longer than the limit. */
	byte[] whole(IMAPMessage message) throws MessagingException, IOException {
		Bounded out = new Bounded((int) Math.min(Math.max(message.getSize(), 1024), maxMailBytes), maxMailBytes);
		try {
			message.writeTo(out);
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof Bounded.Overflow) {
				return null;
			}
			throw ex;
		}
		return out.toByteArray();
	}

	/** At most the first 64 KB of the header block; never the body. */
	static byte[] headers(IMAPFolder inbox, IMAPMessage message) throws MessagingException {
		int number = message.getMessageNumber();
		Object bytes = inbox.doCommand(protocol -> {
			BODY body = protocol.peekBody(number, "HEADER", 0, RawMailIntake.headerBytes());
			return body == null || body.getByteArray() == null ? new byte[0] : body.getByteArray().getNewBytes();
		});
		return (byte[]) bytes;
	}

	/** A buffer that refuses to grow past the mail size limit. */
	private static final class Bounded extends ByteArrayOutputStream {

		static final class Overflow extends IOException {

			Overflow() {
				super("over the size limit");
			}

		}

		private final long limit;

		Bounded(int initial, long limit) {
			super(initial);
			this.limit = limit;
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			if (count + (long) length > limit) {
				throw new UncheckedIOException(new Overflow());
			}
			super.write(bytes, offset, length);
		}

		@Override
		public synchronized void write(int b) {
			if (count + 1L > limit) {
				throw new UncheckedIOException(new Overflow());
			}
			super.write(b);
		}

	}

}
