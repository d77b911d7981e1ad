package nl.postbrug.letters;

import java.time.LocalDate;

/**
 * What the cover sheet of a printed batch shows; {@code batchCode} is printed as a
 * barcode.
 */
public record BatchCover(String facilityName, String batchLabel, LocalDate date, String batchCode) {

	public BatchCover {
		if (batchCode == null || batchCode.isBlank()) {
			throw new IllegalArgumentException("A batch cover needs a batch code for its barcode");
		}
	}

}
