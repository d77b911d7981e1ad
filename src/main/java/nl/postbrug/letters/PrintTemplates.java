package nl.postbrug.letters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The print templates in use.
 *
 * @param version SHA-256 over the files' names and contents: changes with any edit
 * @param folder where they were read from
 * @param files each template's file name and the SHA-256 of its contents, in hex
 */
public record PrintTemplates(String version, String folder, Map<String, String> files) {

	public PrintTemplates {
		// in the order the templates are listed (letter, cover, manifest, reply)
		files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
	}

}
