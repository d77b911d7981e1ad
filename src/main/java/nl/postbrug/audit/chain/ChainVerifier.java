package nl.postbrug.audit.chain;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import nl.postbrug.audit.Verification;
import nl.postbrug.audit.Verification.AnchorFault;
import nl.postbrug.audit.Verification.AnchorProblem;
import nl.postbrug.audit.Verification.Problem;
import nl.postbrug.audit.anchor.AnchorFolder;
import nl.postbrug.audit.anchor.AnchorKeys;
import nl.postbrug.audit.anchor.AnchorSigner;
import nl.postbrug.audit.anchor.SignedAnchor;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the whole chain in order, once, and checks every anchor against it. The first
 * event whose link or content does not hold is reported; an anchor that names an event
 * past the end, or another hash than the chain holds, points to the events that were
 * removed or rewritten. Call it inside a read-only transaction, so PostgreSQL streams the
 * rows instead of loading them all.
 */
public final class ChainVerifier {

	private final JdbcTemplate jdbc;

	public ChainVerifier(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
	}

	/**
	 * @param anchors the anchor files to check; none gives a report without anchors
	 * @param publicKey the key to check their signatures with; {@code null}: the anchors
	 * are counted but not trusted
	 */
	public Verification verify(List<AnchorFolder.Read> anchors, PublicKey publicKey) {
		Walk walk = new Walk(trusted(anchors, publicKey));
		jdbc.query(ChainEvent.SELECT + " ORDER BY seq", rs -> {
			walk.next(ChainEvent.read(rs));
		});
		walk.headIs(jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = 1", Long.class),
				jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1", String.class));
		return walk.result(anchors.size(), publicKey);
	}

	/**
	 * Sorts the files into those whose signature holds (by the event they name) and
	 * problems.
	 */
	private static Trusted trusted(List<AnchorFolder.Read> reads, PublicKey publicKey) {
		Trusted trusted = new Trusted(new TreeMap<>(), new ArrayList<>());
		if (publicKey == null) {
			return trusted;
		}
		String keyId = AnchorKeys.id(publicKey);
		for (AnchorFolder.Read read : reads) {
			SignedAnchor signed = read.anchor();
			if (signed == null) {
				trusted.problems().add(new AnchorProblem(read.file(), null, AnchorFault.MALFORMED));
			}
			else if (!signed.keyId().equals(keyId)) {
				trusted.problems().add(new AnchorProblem(read.file(), signed.anchor().seq(), AnchorFault.OTHER_KEY));
			}
			else if (!AnchorSigner.verify(signed, publicKey)) {
				trusted.problems()
					.add(new AnchorProblem(read.file(), signed.anchor().seq(), AnchorFault.BAD_SIGNATURE));
			}
			else {
				trusted.bySeq().computeIfAbsent(signed.anchor().seq(), seq -> new ArrayList<>()).add(read);
			}
		}
		return trusted;
	}

	private record Trusted(TreeMap<Long, List<AnchorFolder.Read>> bySeq, List<AnchorProblem> problems) {
	}

	/** The state of one pass over the chain. */
	private static final class Walk {

		private final Trusted anchors;

		// the hash the chain holds at each anchored event
		private final Map<Long, String> heldAtAnchors = new HashMap<>();

		private long events;

		private long legacy;

		private long expectedSeq = 1;

		private String previous = CanonicalEncoding.GENESIS;

		private boolean currentSeen;

		private long lastSeq;

		private String lastHash = CanonicalEncoding.GENESIS;

		private Long broken;

		private Problem problem;

		Walk(Trusted anchors) {
			this.anchors = anchors;
			this.heldAtAnchors.put(0L, CanonicalEncoding.GENESIS);
		}

		void next(ChainEvent event) {
			events++;
			lastSeq = event.seq();
			lastHash = event.hash();
			if (event.encoding() == CanonicalEncoding.LEGACY) {
				legacy++;
			}
			if (anchors.bySeq().containsKey(event.seq())) {
				heldAtAnchors.put(event.seq(), event.hash());
			}
			if (broken != null) {
				return;
			}
			Problem found = check(event);
			if (found != null) {
				broken = found == Problem.MISSING ? expectedSeq : event.seq();
				problem = found;
				return;
			}
			currentSeen |= event.encoding() == CanonicalEncoding.CURRENT;
			previous = event.hash();
			expectedSeq++;
		}

		private Problem check(ChainEvent event) {
			if (event.seq() != expectedSeq) {
				return Problem.MISSING;
			}
			if (event.encoding() != CanonicalEncoding.LEGACY && event.encoding() != CanonicalEncoding.CURRENT) {
				return Problem.UNKNOWN_ENCODING;
			}
			if (event.encoding() == CanonicalEncoding.LEGACY && currentSeen) {
				return Problem.ENCODING_DOWNGRADED;
			}
			if (!previous.equals(event.prevHash())) {
				return Problem.LINK_BROKEN;
			}
			if (!CanonicalEncoding.hash(event).equals(event.hash())) {
				return Problem.CONTENT_CHANGED;
			}
			return null;
		}

		/** Events cut off the end leave the head naming an event that is not there. */
		void headIs(long headSeq, String headHash) {
			if (broken == null && (headSeq != lastSeq || !headHash.equals(lastHash))) {
				broken = Math.min(headSeq, lastSeq) + (headSeq == lastSeq ? 0 : 1);
				problem = Problem.HEAD_MISMATCH;
			}
		}

		Verification result(int found, PublicKey publicKey) {
			List<AnchorProblem> problems = new ArrayList<>(anchors.problems());
			Long newestSeq = null;
			Instant newestAt = null;
			int confirmed = 0;
			long lastConfirmed = 0;
			for (var entry : anchors.bySeq().entrySet()) {
				long seq = entry.getKey();
				String held = heldAtAnchors.get(seq);
				for (AnchorFolder.Read read : entry.getValue()) {
					if (held == null && seq > lastSeq) {
						problems.add(new AnchorProblem(read.file(), seq, AnchorFault.BEYOND_END));
						suspect(lastSeq + 1, Problem.REMOVED_AFTER_ANCHOR);
					}
					else if (held == null) {
						// the walk reports the gap itself
						problems.add(new AnchorProblem(read.file(), seq, AnchorFault.EVENT_MISSING));
					}
					else if (!held.equals(read.anchor().anchor().hash())) {
						problems.add(new AnchorProblem(read.file(), seq, AnchorFault.HASH_MISMATCH));
						// the anchor before it still held: the rewrite began after it
						suspect(lastConfirmed + 1, Problem.DIFFERS_FROM_ANCHOR);
					}
					else {
						confirmed++;
						lastConfirmed = seq;
						newestSeq = seq;
						newestAt = read.anchor().anchor().at();
					}
				}
			}
			problems.sort(Comparator.comparing(AnchorProblem::file));
			var report = new Verification.Anchors(publicKey != null,
					publicKey == null ? null : AnchorKeys.id(publicKey), found, confirmed, newestSeq, newestAt,
					List.copyOf(problems));
			return new Verification(broken == null && problems.isEmpty(), events, broken, problem, legacy, report);
		}

		private void suspect(long seq, Problem why) {
			if (broken == null || seq < broken) {
				broken = seq;
				problem = why;
			}
		}

	}

}
