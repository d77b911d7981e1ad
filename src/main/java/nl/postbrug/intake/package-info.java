/**
 * Takes messages in from the web API, the drop folder and email, checks them and owns
 * each message's public status from RECEIVED to its terminal state.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry" })
package nl.postbrug.intake;
