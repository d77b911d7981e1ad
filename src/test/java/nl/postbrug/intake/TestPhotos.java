package nl.postbrug.intake;

/** The photo checker for tests outside this package. */
public final class TestPhotos {

	private TestPhotos() {
	}

	public static PhotoCheck with(IntakeSettings settings) {
		return new PhotoCheck(settings);
	}

}
