/**
 * Takes messages in from the web API, the drop folder and email, checks them and owns
 * each message's public status from RECEIVED to its terminal state. Uses letters only to
 * show a sender the preview of the letter their message would become.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "letters" })
package nl.postbrug.intake;
