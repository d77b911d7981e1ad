package nl.postbrug.audit.anchor;

import java.time.Instant;

import nl.postbrug.audit.chain.CanonicalEncoding;

/**
 * The chain's head at a moment: whoever holds a signed anchor can tell later whether the
 * event at {@code seq} still has this hash, and whether the chain still reaches that far.
 */
public record Anchor(long seq, String hash, Instant at) {

	public static final String TAG = "postbrug-audit-anchor/1";

	/**
	 * What the signature covers: the same netstrings as the chain's encoding, under a tag
	 * of its own, so an anchor's signature can never be taken for anything else.
	 */
	public byte[] signedBytes() {
		return CanonicalEncoding.netstrings(TAG, Long.toString(seq), hash, CanonicalEncoding.time(at));
	}

}
