package nl.postbrug.registry;

import java.util.UUID;

/**
 * No pending request with this id that the administrator may decide: unknown, of another
 * facility, or decided already. One answer for all three.
 */
public class NoSuchApprovalRequest extends RuntimeException {

	public NoSuchApprovalRequest(UUID id) {
		super("There is no pending request " + id + " you can decide");
	}

}
