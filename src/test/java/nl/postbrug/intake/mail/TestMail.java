package nl.postbrug.intake.mail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.TestPhotos;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Mail readers over a registry that knows one contact (anna@example.org, approved for
 * 1000000001), and the raw material of hostile mail: bombs, floods and broken bytes.
 */
final class TestMail {

	static final Contact ANNA = new Contact(7, "anna@example.org", "Anna de Vries", true);

	static final Prisoner JAN = new Prisoner(11, "1000000001", "Jan de Vries", 3, "PIA", "PI Amsterdam", "B", "B-2.01",
			PrisonerStatus.ACTIVE);

	private TestMail() {
	}

	static MailReader reader() {
		return reader(26_214_400);
	}

	static MailReader reader(long maxMailBytes) {
		IntakeSettings settings = settings(maxMailBytes);
		return new MailReader(registry(), TestPhotos.with(settings), settings, limits());
	}

	/** A registry that knows Anna, approved for Jan only, and no one else. */
	static Registry registry() {
		Registry registry = mock(Registry.class);
		when(registry.contact(anyString())).thenReturn(Optional.empty());
		when(registry.contact("anna@example.org")).thenReturn(Optional.of(ANNA));
		when(registry.prisoner(anyString())).thenReturn(Optional.empty());
		when(registry.prisoner("1000000001")).thenReturn(Optional.of(JAN));
		when(registry.approvedPrisoners(ANNA.id())).thenReturn(List.of(JAN));
		return registry;
	}

	static IntakeSettings settings(long maxMailBytes) {
		return new IntakeSettings(Path.of("drop"), Duration.ofSeconds(10), 20000, 5, 5_242_880, 40_000_000,
				maxMailBytes);
	}

	/** The default limits, with the system's own address. */
	static MailSettings limits() {
		return new MailSettings(100, 10, 300, 16384, 100000, 1048576, List.of("postbrug@postbrug.example.org"),
				List.of());
	}

	/** The body walk with the default limits and a real photo check. */
	static MailBody body(long maxMailBytes) {
		IntakeSettings settings = settings(maxMailBytes);
		return new MailBody(TestPhotos.with(settings), settings, limits());
	}

	/** Raw bytes as the MIME parser the reader uses sees them. */
	static MimeMessage parse(byte[] raw) {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.decodetext.strict", "false");
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.decodeparameters", "true");
		properties.setProperty("mail.mime.parameters.strict", "false");
		try {
			return new MimeMessage(Session.getInstance(properties), new SharedByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A mail from Anna to Jan's sub-address with the given extra headers and a plain
	 * body.
	 */
	static byte[] plain(String extraHeaders, String body) {
		return ("From: Anna de Vries <anna@example.org>\r\n" + "To: post+1000000001@postbrug.example.org\r\n"
				+ "Subject: Hallo\r\n" + "Message-ID: <" + System.nanoTime() + "@example.org>\r\n" + extraHeaders
				+ "MIME-Version: 1.0\r\n" + "Content-Type: text/plain; charset=UTF-8\r\n" + "\r\n" + body + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] bytes(String mail) {
		return mail.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A real decompression bomb: a valid greyscale PNG of {@code side}×{@code side} zero
	 * pixels, a few KB of deflate that inflates to side² bytes.
	 */
	static byte[] pngBomb(int side) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer header = ByteBuffer.allocate(13)
			.putInt(side)
			.putInt(side)
			.put((byte) 8)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		chunk(out, "IHDR", header.array());
		Deflater deflater = new Deflater(9);
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] row = new byte[side + 1]; // filter byte 0 + zero pixels
		byte[] buffer = new byte[65536];
		for (int y = 0; y < side; y++) {
			deflater.setInput(row);
			while (!deflater.needsInput()) {
				compressed.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		chunk(out, "IDAT", compressed.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * A PNG header claiming {@code side}×{@code side} pixels, with no real image data
	 * behind it.
	 */
	static byte[] pngClaiming(int side) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(out, "IHDR",
				ByteBuffer.allocate(13)
					.putInt(side)
					.putInt(side)
					.put((byte) 8)
					.put((byte) 6)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) 0)
					.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	static String base64Lines(byte[] data) {
		return java.util.Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
	}

	/**
	 * A mail from Anna with a text part and one attachment of the given type, name and
	 * bytes.
	 */
	static byte[] withAttachment(String contentType, String fileName, byte[] data) {
		String boundary = "b-" + System.nanoTime();
		return bytes("From: anna@example.org\r\nTo: post+1000000001@postbrug.example.org\r\nSubject: bijlage\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n" + "--"
				+ boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nLieve Jan, kijk eens.\r\n" + "--"
				+ boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n\r\n" + base64Lines(data)
				+ "\r\n--" + boundary + "--\r\n");
	}

}
