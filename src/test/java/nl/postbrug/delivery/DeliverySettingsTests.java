package nl.postbrug.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySettingsTests {

	private static DeliverySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("postbrug.delivery",
				DeliverySettings.class);
	}

	@Test
	void everyFacilityWaitsTwoDaysAndTellsSendersUnlessItSaysOtherwise() {
		DeliverySettings settings = bind(Map.of());
		assertThat(settings.overdueAfter("PIA")).isEqualTo(Duration.ofDays(2));
		assertThat(settings.notifyDelivered("PIA")).isTrue();
		assertThat(settings.notifyReturned("PIA")).isTrue();
	}

	@Test
	void aFacilitySetsItsOwnTimeAndNoticesAndKeepsTheRest() {
		DeliverySettings settings = bind(
				Map.of("postbrug.delivery.overdue-after", "36h", "postbrug.delivery.facilities.PIV.overdue-after", "3d",
						"postbrug.delivery.facilities.PIZ.notify-delivered", "false"));
		assertThat(settings.overdueAfter("PIV")).isEqualTo(Duration.ofDays(3));
		assertThat(settings.overdueAfter("PIA")).isEqualTo(Duration.ofHours(36));
		assertThat(settings.overdueAfter("PIZ")).isEqualTo(Duration.ofHours(36));
		assertThat(settings.notifyDelivered("PIZ")).isFalse();
		assertThat(settings.notifyReturned("PIZ")).isTrue();
		assertThat(settings.notifyDelivered("PIV")).isTrue();
	}

	@Test
	void aTimeThatIsNotPositiveIsRefusedAtStart() {
		assertThatThrownBy(() -> bind(Map.of("postbrug.delivery.overdue-after", "0s")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

}
