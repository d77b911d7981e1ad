package nl.postbrug.intake;

import java.util.UUID;

public class NoSuchMessage extends RuntimeException {

	private final UUID id;

	public NoSuchMessage(UUID id) {
		super("There is no message " + id);
		this.id = id;
	}

	public UUID id() {
		return this.id;
	}

}
