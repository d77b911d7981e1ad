package nl.postbrug.intake;

import java.util.UUID;

public class NoSuchMessage extends RuntimeException {

	public NoSuchMessage(UUID id) {
		super("There is no message " + id);
	}

}
