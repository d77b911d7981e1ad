package nl.postbrug.registry.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of every page, mail started from a page, and problem detail: Dutch unless
 * the person chose English with the switch in the page header ({@code ?lang=en}, kept in
 * a cookie) or, before choosing, their browser asks for English first
 * ({@code Accept-Language}). Only the languages with bundles are ever chosen, so
 * {@code <html lang>} always names the language the page is written in.
 */
@Configuration
public class Languages implements WebMvcConfigurer {

	public static final Locale DUTCH = Locale.forLanguageTag("nl");

	public static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

	static final String COOKIE = "postbrug-lang";

	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
		browser.setSupportedLocales(SUPPORTED);
		browser.setDefaultLocale(DUTCH);
		CookieLocaleResolver chosen = new ChosenLanguage();
		chosen.setDefaultLocaleFunction(browser::resolveLocale);
		return chosen;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/**
	 * The supported language closest to {@code wanted}: English for English, else Dutch.
	 */
	public static Locale supported(Locale wanted) {
		return wanted != null && Locale.ENGLISH.getLanguage().equals(wanted.getLanguage()) ? Locale.ENGLISH : DUTCH;
	}

	/** A cookie that holds only a supported language, whatever was asked for. */
	private static final class ChosenLanguage extends CookieLocaleResolver {

		ChosenLanguage() {
			super(COOKIE);
			setCookieMaxAge(Duration.ofDays(365));
			setCookieHttpOnly(true);
			setCookieSameSite("Lax");
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return supported(super.resolveLocale(request));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, locale == null ? null : supported(locale));
		}

	}

}
