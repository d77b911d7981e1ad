package nl.postbrug.screening.triage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.postbrug.Sha256;

/**
 * A model on disk: a header with the model's version, training time, examples, data
 * digest and figures, the non-zero weights, and a SHA-256 over all of it, so a truncated
 * or altered file is refused rather than scoring with wrong weights. Written to a
 * temporary file and moved into place, so a reader never sees half a file.
 */
public final class ModelFile {

	static final String NAME = "triage-model.bin";

	private static final long MAGIC = 0x5042545249414745L; // "PBTRIAGE"

	private static final int FORMAT = 1;

	/** The file cannot be used as a model, with the reason. */
	public static class Unreadable extends RuntimeException {

		public Unreadable(String message) {
			super(message);
		}

	}

	private ModelFile() {
	}

	public static Path in(Path dir) {
		return dir.resolve(NAME);
	}

	public static void write(Path file, TriageModel model) {
		try {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(buffer);
			TriageModel.Info info = model.info();
			out.writeLong(MAGIC);
			out.writeInt(FORMAT);
			out.writeUTF(info.version());
			out.writeLong(info.trainedAt().toEpochMilli());
			out.writeInt(info.examples());
			out.writeInt(info.reviewed());
			out.writeUTF(info.dataDigest());
			out.writeInt(info.metrics().size());
			for (Map.Entry<String, Double> metric : info.metrics().entrySet()) {
				out.writeUTF(metric.getKey());
				out.writeDouble(metric.getValue());
			}
			float[] weights = model.linear.weights;
			out.writeInt(weights.length);
			out.writeFloat(model.linear.bias);
			int nonZero = 0;
			for (float w : weights) {
				nonZero += w != 0 ? 1 : 0;
			}
			out.writeInt(nonZero);
			for (int i = 0; i < weights.length; i++) {
				if (weights[i] != 0) {
					out.writeInt(i);
					out.writeFloat(weights[i]);
				}
			}
			out.flush();
			byte[] body = buffer.toByteArray();
			byte[] sum = Sha256.digest().digest(body);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
			try {
				Files.write(temporary, concat(body, sum));
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("cannot write the triage model to " + file, ex);
		}
	}

	public static TriageModel read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new Unreadable("no model file at " + file);
		}
		catch (IOException ex) {
			throw new Unreadable("cannot read " + file + ": " + ex.getMessage());
		}
		if (bytes.length < 44) {
			throw new Unreadable(file + " is too short to be a triage model");
		}
		byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
		byte[] sum = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
		if (!MessageDigest.isEqual(sum, Sha256.digest().digest(body))) {
			throw new Unreadable(file + " is damaged: its checksum does not match");
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
			if (in.readLong() != MAGIC) {
				throw new Unreadable(file + " is not a triage model");
			}
			int format = in.readInt();
			if (format != FORMAT) {
				throw new Unreadable(file + " has format " + format + "; this version reads " + FORMAT);
			}
			String version = in.readUTF();
			Instant trainedAt = Instant.ofEpochMilli(in.readLong());
			int examples = in.readInt();
			int reviewed = in.readInt();
			String digest = in.readUTF();
			int metricCount = in.readInt();
			Map<String, Double> metrics = new LinkedHashMap<>();
			for (int i = 0; i < metricCount; i++) {
				metrics.put(in.readUTF(), in.readDouble());
			}
			int dimensions = in.readInt();
			if (dimensions != Features.DIMENSIONS) {
				throw new Unreadable(file + " was trained with " + dimensions + " features; this version uses "
						+ Features.DIMENSIONS);
			}
			float bias = in.readFloat();
			float[] weights = new float[dimensions];
			int nonZero = in.readInt();
			for (int i = 0; i < nonZero; i++) {
				int index = in.readInt();
				if (index < 0 || index >= dimensions) {
					throw new Unreadable(file + " is damaged: a weight outside the model");
				}
				weights[index] = in.readFloat();
			}
			return new TriageModel(new LinearModel(weights, bias),
					new TriageModel.Info(version, trainedAt, examples, reviewed, digest, metrics));
		}
		catch (IOException ex) {
			throw new Unreadable(file + " is damaged: " + ex.getMessage());
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
