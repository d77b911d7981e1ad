package nl.postbrug.intake;

/** How a message came in. */
public enum Channel {

	WEB, DROP_FOLDER, IMAP

}
