package nl.postbrug.audit;

import java.time.Instant;

/**
 * Which events to list or export: {@code from <= at < to}, and each of actor, object and
 * action when given. An object ending in {@code *} matches every object it begins
 * ({@code batch:*}).
 */
public record EventQuery(Instant from, Instant to, String actor, String object, String action) {

}
