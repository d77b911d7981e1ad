package nl.postbrug.audit;

/** How an audited action ended. */
public enum AuditResult {

	/** It was done. */
	SUCCESS,

	/** It was tried and did not work (a printer refused a batch). */
	FAILURE,

	/** The service would not do it (a scan of a void or unknown code). */
	REFUSED

}
