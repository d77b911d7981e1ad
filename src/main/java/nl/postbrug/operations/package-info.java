/**
 * Shows whether today's post goes out: the operations page, the service's own health
 * (start-up readiness) and the {@code postbrug_*} metrics; reads every module, is used by
 * none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "batches", "intake", "delivery" })
package nl.postbrug.operations;
