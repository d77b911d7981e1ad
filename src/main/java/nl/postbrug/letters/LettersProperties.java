package nl.postbrug.letters;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code postbrug.letters}.
 *
 * @param templateDir folder with {@code letter.html} and {@code cover.html}; relative
 * paths resolve against the working directory
 */
@ConfigurationProperties("postbrug.letters")
record LettersProperties(@DefaultValue("print-templates") Path templateDir) {
}
