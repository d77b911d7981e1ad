package nl.postbrug.screening.triage;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import nl.postbrug.Sha256;

/**
 * Labelled messages: a TSV file with the header {@code label<TAB>text}, one message a
 * line, labels {@code risky} or {@code benign}. A file that is empty, has another header,
 * a line without exactly two fields, an unknown label, an empty text, or only one of the
 * two labels is refused with the line and what to fix.
 */
public record LabelledSet(String name, List<Example> examples) {

	/** The seed of the fixed split into a training part and a held-out part. */
	public static final long SPLIT_SEED = 20261201L;

	/** The share of each label kept out of training and tuning. */
	public static final double HELD_OUT = 0.25;

	public record Example(String text, boolean risky) {
	}

	/** A labelled set that cannot be used, with the reason. */
	public static class Malformed extends RuntimeException {

		public Malformed(String message) {
			super(message);
		}

	}

	public LabelledSet {
		examples = List.copyOf(examples);
	}

	public static LabelledSet read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new Malformed(file + ": no such file");
		}
		try {
			byte[] bytes = Files.readAllBytes(file);
			String content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
			return parse(file.toString(), content);
		}
		catch (CharacterCodingException ex) {
			throw new Malformed(file + ": not UTF-8 text");
		}
		catch (IOException ex) {
			throw new Malformed(file + ": cannot read it (" + ex.getMessage() + ")");
		}
	}

	public static LabelledSet parse(String name, String content) {
		String[] lines = content.split("\r?\n", -1);
		if (content.isBlank()) {
			throw new Malformed(
					name + ": the file is empty; it needs the header 'label<TAB>text' and one message a line");
		}
		if (!lines[0].strip().equalsIgnoreCase("label\ttext")) {
			throw new Malformed(name + ": line 1 must be the header 'label<TAB>text'");
		}
		List<Example> examples = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split("\t", -1);
			if (fields.length != 2) {
				throw new Malformed(name + ": line " + (i + 1) + " has " + fields.length
						+ " fields; write 'risky' or 'benign', one tab, then the message on one line");
			}
			String label = fields[0].strip();
			boolean risky = switch (label) {
				case "risky" -> true;
				case "benign" -> false;
				default -> throw new Malformed(
						name + ": line " + (i + 1) + ": label '" + label + "' is neither risky nor benign");
			};
			if (fields[1].isBlank()) {
				throw new Malformed(name + ": line " + (i + 1) + ": the message is empty");
			}
			examples.add(new Example(fields[1].strip(), risky));
		}
		LabelledSet set = new LabelledSet(name, examples);
		set.requireBothLabels();
		return set;
	}

	/** Refuses a set that a model cannot learn from or be measured on. */
	public LabelledSet requireBothLabels() {
		if (examples.isEmpty()) {
			throw new Malformed(name + ": no labelled messages");
		}
		long risky = risky();
		if (risky == 0 || risky == examples.size()) {
			throw new Malformed(name + ": all " + examples.size() + " messages are " + (risky == 0 ? "benign" : "risky")
					+ "; both labels are needed");
		}
		return this;
	}

	public long risky() {
		return examples.stream().filter(Example::risky).count();
	}

	public long benign() {
		return examples.size() - risky();
	}

	public int size() {
		return examples.size();
	}

	/** SHA-256 over the labels and texts, in order: what a model was trained on. */
	public String digest() {
		MessageDigest digest = Sha256.digest();
		for (Example example : examples) {
			digest.update((example.risky() ? "risky\t" : "benign\t").getBytes(StandardCharsets.UTF_8));
			digest.update(example.text().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	public LabelledSet plus(List<Example> more, String what) {
		List<Example> all = new ArrayList<>(examples);
		all.addAll(more);
		return new LabelledSet(name + " + " + what, all);
	}

	/** The training part and the held-out part. */
	public record Split(LabelledSet training, LabelledSet heldOut) {
	}

	/**
	 * The fixed split: per label, the messages are shuffled with {@link #SPLIT_SEED} and
	 * the first quarter is held out. The same file always splits the same way.
	 */
	public Split split() {
		List<Example> training = new ArrayList<>();
		List<Example> heldOut = new ArrayList<>();
		for (boolean label : new boolean[] { true, false }) {
			List<Example> of = new ArrayList<>(examples.stream().filter(e -> e.risky() == label).toList());
			Collections.shuffle(of, new Random(SPLIT_SEED));
			int held = (int) Math.round(of.size() * HELD_OUT);
			heldOut.addAll(of.subList(0, held));
			training.addAll(of.subList(held, of.size()));
		}
		return new Split(new LabelledSet(name + " (training part)", training),
				new LabelledSet(name + " (held-out part)", heldOut));
	}

	/**
	 * {@code k} folds for cross-validation, stratified by label, shuffled with
	 * {@code seed}: fold {@code i} is the validation part of the {@code i}th split.
	 */
	public List<Split> folds(int k, long seed) {
		List<List<Example>> folds = new ArrayList<>();
		for (int i = 0; i < k; i++) {
			folds.add(new ArrayList<>());
		}
		for (boolean label : new boolean[] { true, false }) {
			List<Example> of = new ArrayList<>(examples.stream().filter(e -> e.risky() == label).toList());
			Collections.shuffle(of, new Random(seed));
			for (int i = 0; i < of.size(); i++) {
				folds.get(i % k).add(of.get(i));
			}
		}
		List<Split> splits = new ArrayList<>();
		for (int i = 0; i < k; i++) {
			List<Example> training = new ArrayList<>();
			for (int j = 0; j < k; j++) {
				if (j != i) {
					training.addAll(folds.get(j));
				}
			}
			splits.add(new Split(new LabelledSet(name + " fold " + (i + 1) + " training", training),
					new LabelledSet(name + " fold " + (i + 1) + " validation", folds.get(i))));
		}
		return splits;
	}

}
