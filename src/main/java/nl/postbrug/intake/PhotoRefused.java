package nl.postbrug.intake;

/**
 * A photo that cannot be taken, with the reason: empty, too big, too many pixels, not a
 * JPEG or PNG, damaged.
 */
public class PhotoRefused extends RuntimeException {

	private final Reason reason;

	public PhotoRefused(Reason reason) {
		super(reason.toString());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
