package nl.postbrug.registry;

public enum PrisonerStatus {

	ACTIVE, TRANSFERRED, RELEASED

}
