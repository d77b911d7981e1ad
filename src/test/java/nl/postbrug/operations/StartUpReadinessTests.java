package nl.postbrug.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import nl.postbrug.PostbrugApplication;
import nl.postbrug.support.DataDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web server answers while start-up work is still running; readiness (and
 * {@code /actuator/health}) says OUT_OF_SERVICE until it is done, so nobody is sent a
 * request that meets a service without its data: here the demo data is held back and the
 * demo relative's login is refused meanwhile.
 */
class StartUpReadinessTests {

	static final CountDownLatch demoDataMayLoad = new CountDownLatch(1);

	static final AtomicInteger port = new AtomicInteger();

	private final HttpClient client = HttpClient.newHttpClient();

	private CompletableFuture<ConfigurableApplicationContext> app;

	@Test
	void readinessIsNotUpBeforeTheDemoDataIsLoaded() throws Exception {
		String dir = DataDirs.fresh("readiness");
		app = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(PostbrugApplication.class, HoldDemoData.class).run(
					"--spring.profiles.active=demo", "--server.port=0", "--postbrug.data-dir=" + dir,
					"--postbrug.screening.rules-dir=" + DataDirs.sampleRulesWithoutDailyLimits(dir),
					"--postbrug.letters.template-dir=" + DataDirs.printTemplates(dir)));
		await().atMost(Duration.ofMinutes(3)).until(() -> port.get() > 0 || app.isDone());
		assertThat(port.get()).as("the web server started").isPositive();

		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(503);
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/me/prisoners", "anna@example.org:demo").statusCode()).isEqualTo(401);

		demoDataMayLoad.countDown();
		await().atMost(Duration.ofMinutes(2)).until(() -> get("/actuator/health/readiness", null).statusCode() == 200);
		assertThat(get("/api/v1/me/prisoners", "anna@example.org:demo").statusCode()).isEqualTo(200);
		assertThat(app.get(1, TimeUnit.MINUTES).isActive()).isTrue();
	}

	private HttpResponse<String> get(String path, String login) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + path))
			.timeout(Duration.ofSeconds(30));
		if (login != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@AfterEach
	void stop() throws Exception {
		demoDataMayLoad.countDown();
		if (app != null) {
			app.get(3, TimeUnit.MINUTES).close();
		}
	}

	/** Holds start-up before the demo data (order 10) until the test lets it go. */
	@Configuration(proxyBeanMethods = false)
	static class HoldDemoData {

		@Bean
		@Order(5)
		ApplicationRunner holdDemoData() {
			return args -> demoDataMayLoad.await(3, TimeUnit.MINUTES);
		}

		@Bean
		ApplicationListener<WebServerInitializedEvent> port() {
			return event -> port.set(event.getWebServer().getPort());
		}

	}

}
