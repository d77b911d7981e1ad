package nl.postbrug.intake;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and places for incoming messages ({@code postbrug.intake.*}).
 *
 * @param dropDir folder whose {@code .eml} files are ingested; {@code processed/} and
 * {@code failed/} are made inside it
 * @param maxMailBytes larger mail files are refused without being parsed
 * @param maxPhotoPixels a photo with more pixels is refused before it is decoded
 */
@ConfigurationProperties("postbrug.intake")
public record IntakeSettings(Path dropDir, @DefaultValue("10s") Duration dropPollInterval,
		@DefaultValue("20000") int maxTextLength, @DefaultValue("5") int maxPhotos,
		@DefaultValue("5242880") int maxPhotoBytes, @DefaultValue("40000000") long maxPhotoPixels,
		@DefaultValue("26214400") long maxMailBytes) {
}
