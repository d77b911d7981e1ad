package nl.postbrug.registry;

import java.time.Instant;

/** A user ended all their page sessions, on every device and node. */
public record SignedOutEverywhere(String account, Instant at) {
}
