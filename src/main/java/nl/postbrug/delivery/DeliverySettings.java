package nl.postbrug.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hand-over settings ({@code postbrug.delivery.*}), with a value per facility where one
 * differs from the default ({@code postbrug.delivery.facilities.PIV.overdue-after: 3d}).
 *
 * @param overdueAfter how long after printing a letter not handed over counts as overdue
 * @param notifyDelivered mail the sender when the letter was handed over
 * @param notifyReturned mail the sender when the message was returned
 */
@ConfigurationProperties("postbrug.delivery")
public record DeliverySettings(@DefaultValue("2d") Duration overdueAfter, @DefaultValue("true") boolean notifyDelivered,
		@DefaultValue("true") boolean notifyReturned, Map<String, Facility> facilities) {

	/** What one facility sets differently; a missing value takes the default. */
	public record Facility(Duration overdueAfter, Boolean notifyDelivered, Boolean notifyReturned) {
	}

	public DeliverySettings {
		facilities = facilities == null ? Map.of() : Map.copyOf(facilities);
		if (overdueAfter.isNegative() || overdueAfter.isZero()) {
			throw new IllegalArgumentException("postbrug.delivery.overdue-after must be positive, not " + overdueAfter);
		}
	}

	public Duration overdueAfter(String facilityCode) {
		Facility own = own(facilityCode);
		return own == null || own.overdueAfter() == null ? overdueAfter : own.overdueAfter();
	}

	public boolean notifyDelivered(String facilityCode) {
		Facility own = own(facilityCode);
		return own == null || own.notifyDelivered() == null ? notifyDelivered : own.notifyDelivered();
	}

	public boolean notifyReturned(String facilityCode) {
		Facility own = own(facilityCode);
		return own == null || own.notifyReturned() == null ? notifyReturned : own.notifyReturned();
	}

	private Facility own(String facilityCode) {
		if (facilityCode == null) {
			return null;
		}
		Facility own = facilities.get(facilityCode);
		return own != null ? own : facilities.get(facilityCode.toLowerCase(Locale.ROOT));
	}

}
