package nl.postbrug.intake;

/** The photo checker for tests outside this package. */
public final class TestPhotos {

	private TestPhotos() {
	}

	public static Photos with(IntakeSettings settings) {
		return new Photos(settings);
	}

}
