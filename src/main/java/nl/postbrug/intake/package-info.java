/**
 * Takes messages in from the web API, the drop folder and email, checks them and owns
 * each message's public status from RECEIVED to its terminal state. Uses letters only to
 * show a sender the preview of the letter their message would become, and storage to keep
 * a message's text, photos and mail source encrypted at rest.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "letters", "storage" })
package nl.postbrug.intake;
