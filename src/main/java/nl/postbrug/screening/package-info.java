/**
 * Screens received messages against rules and sends each to approval, the human review
 * queue, or rejection.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "intake", "letters", "delivery" })
package nl.postbrug.screening;
