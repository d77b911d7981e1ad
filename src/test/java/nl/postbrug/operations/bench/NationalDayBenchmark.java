package nl.postbrug.operations.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.imap.ImapPoller;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.bench.LetterBenchmark;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.registry.Role;
import nl.postbrug.screening.Review;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A national day on one machine: {@code bench.messages} messages (default 20,000) across
 * {@code bench.facilities} facilities (default 10), half by email (IMAP from GreenMail),
 * half through the web API, one in ten with a photo and one in ten risky (a review word).
 * They run the whole pipeline: intake, screening, review (the risky ones are approved by
 * a screener), letters and batch assembly per facility, the folder printer, and a
 * hand-over scan of every letter. The day is run at each multiple in {@code bench.scales}
 * (default 1,2,4) so the growth of cost shows. Per stage it prints items per second; the
 * peak heap, bytes per page, the templated letters' speed against the fastest raw PDFBox
 * set-up measured in the same run, the limiting stage and the time ratio between the
 * scales. The table is also written to {@code target/bench/national-day.txt}. Run:
 * {@code ./mvnw -B test -Pbench -Dtest=NationalDayBenchmark -Dbench.messages=20000 -Dbench.heap=1g}.
 */
@SpringBootTest(properties = { "postbrug.batches.schedule-file=none", "postbrug.batches.max-letters-per-batch=1000000",
		"postbrug.intake.imap.host=127.0.0.1", "postbrug.intake.imap.tls=false", "postbrug.intake.imap.user=post",
		"postbrug.intake.imap.password=secret", "postbrug.intake.imap.poll-interval=1h",
		"postbrug.intake.imap.retry-min=1h", "postbrug.intake.imap.batch-size=500", "logging.level.nl.postbrug=WARN",
		"logging.level.nl.postbrug.operations.bench=INFO" })
@ActiveProfiles("demo")
class NationalDayBenchmark {

	static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);

	static final int FACILITIES = Integer.getInteger("bench.facilities", 10);

	static final int PRISONERS_PER_FACILITY = 50;

	static final List<Integer> SCALES = java.util.Arrays.stream(System.getProperty("bench.scales", "1,2,4").split(","))
		.map(String::strip)
		.map(Integer::valueOf)
		.toList();

	static final int IMAP_PORT = FreePort.onLoopback();

	static final String BODY = "Lieve %s,\n\nHet gaat goed met ons. De kinderen zijn naar school en de hond heeft de "
			+ "tuin weer omgespit. Oma komt zondag op bezoek en bakt dan appeltaart. We denken elke dag aan je en "
			+ "tellen de weken tot het bezoek.\n\nIn de tuin staan de eerste bloemen. Papa heeft het schuurtje "
			+ "geverfd, groen deze keer.\n\nVeel liefs, %s";

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("post@postbrug.example.org", "post", "secret"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void ownDataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("national-day");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.intake.imap.port", () -> IMAP_PORT);
	}

	@Autowired
	RegistryImport importer;

	@Autowired
	Registry registry;

	@Autowired
	MessageIntake intake;

	@Autowired
	ImapPoller poller;

	@Autowired
	Review review;

	@Autowired
	Batches batches;

	@Autowired
	Delivery delivery;

	@Autowired
	LetterRendering rendering;

	@Autowired
	JdbcClient jdbc;

	private final PostbrugUser staff = PostbrugUser.staff("bench", "n/a",
			EnumSet.of(Role.SCREENER, Role.POSTROOM, Role.FACILITY_ADMIN), true, Set.of(), true);

	/**
	 * The most heap in use at any one moment of a run, sampled every 10 ms. (The pools'
	 * own peaks cannot be added up: each pool peaks at another moment.)
	 */
	private static final class HeapSampler implements AutoCloseable {

		private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

		private final Thread thread;

		private volatile boolean running = true;

		HeapSampler() {
			this.thread = new Thread(() -> {
				var memory = ManagementFactory.getMemoryMXBean();
				while (running) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long peak() {
			return peak.get();
		}

		@Override
		public void close() {
			running = false;
			thread.interrupt();
		}

	}

	/** One run's figures: seconds per stage, items per stage, heap, bytes and pages. */
	record Run(int scale, int messages, Map<String, double[]> stages, double totalSeconds, long peakHeap, long pdfBytes,
			long pages, int letters) {
	}

	@Test
	void aNationalDayEndToEnd() throws Exception {
		List<Facility> facilities = benchFacilities();
		byte[] photo = photo();
		StringBuilder table = new StringBuilder();
		table
			.append(String.format(Locale.ROOT,
					"National day benchmark (%s), %d messages x %s across %d facilities, "
							+ "%d cores, max heap %d MB%n",
					java.time.Instant.now(), MESSAGES, SCALES, FACILITIES, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20));
		table.append(letterSpeed());
		List<Run> runs = new ArrayList<>();
		for (int scale : SCALES) {
			Run run = day(scale, facilities, photo);
			runs.add(run);
			table.append(format(run));
		}
		Run base = runs.get(0);
		table.append(String.format(Locale.ROOT, "%nGrowth (time against the %dx run):%n", base.scale()));
		for (Run run : runs) {
			double volume = (double) run.messages() / base.messages();
			double time = run.totalSeconds() / base.totalSeconds();
			table.append(String.format(Locale.ROOT, "  %dx volume: %7.1f s  %.2fx time  (%.2f per unit of volume)%n",
					run.scale(), run.totalSeconds(), time, time / volume));
		}
		Path out = Path.of("target", "bench", "national-day.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, table);
		System.out.println(table);
	}

	/** One day at a multiple of the base volume; returns its figures. */
	private Run day(int scale, List<Facility> facilities, byte[] photo) throws Exception {
		int total = MESSAGES * scale;
		String run = "r" + UUID.randomUUID().toString().substring(0, 6);
		System.gc();
		HeapSampler heap = new HeapSampler();
		Map<String, double[]> stages = new LinkedHashMap<>();
		long dayStart = System.nanoTime();

		// mail waits in the mailbox before the day starts, as it would overnight
		GreenMailUser mailbox = mail.getUserManager().getUser("post");
		Session session = Session.getInstance(new Properties());
		int byMail = total / 2;
		for (int i = 0; i < byMail; i++) {
			mailbox.deliver(mail(session, facilities, i, run, photo));
		}
		long t0 = System.nanoTime();
		int taken = 0;
		while (true) {
			ImapPoller.Poll poll = poller.pollOnce();
			assertThat(poll.error()).as("IMAP poll").isNull();
			taken += poll.taken();
			if (poll.taken() == 0 && poll.duplicates() == 0) {
				break;
			}
		}
		stage(stages, "intake: IMAP (GreenMail)", taken, t0);

		t0 = System.nanoTime();
		for (int i = byMail; i < total; i++) {
			Facility facility = facilities.get(i % facilities.size());
			String number = prisoner(facility, i);
			List<MessageIntake.Upload> uploads = i % 10 == 0 ? List.of(new MessageIntake.Upload("foto.jpg", photo))
					: List.of();
			intake.submit(sender(facility), number, text(i, run), uploads, run + "-" + i);
		}
		stage(stages, "intake: web API", total - byMail, t0);

		await().atMost(java.time.Duration.ofHours(2))
			.pollInterval(java.time.Duration.ofMillis(200))
			.until(() -> count("SELECT COUNT(*) FROM message WHERE status IN ('RECEIVED', 'SCREENING')") == 0);
		// screening runs beside intake (each message is handed on as it is stored):
		// counted
		// from the first message taken in to the last one screened
		stage(stages, "screening (beside intake)", total, firstIntake(stages));

		t0 = System.nanoTime();
		List<String> risky = jdbc.sql("SELECT id FROM message WHERE status = 'IN_REVIEW' AND body LIKE ?")
			.param("%(" + run + " %")
			.query(String.class)
			.list();
		for (String id : risky) {
			review.decide(staff, UUID.fromString(id), Review.Decision.APPROVE, null);
		}
		stage(stages, "review (screener approves)", risky.size(), t0);

		t0 = System.nanoTime();
		long pdfBytes = 0;
		long pages = 0;
		int letters = 0;
		List<Long> batchIds = new ArrayList<>();
		for (Facility facility : facilities) {
			BatchView batch = batches.runNow(facility, staff);
			batchIds.add(batch.id());
			letters += batch.letters();
			pages += batch.pages();
			pdfBytes += Files.size(batches.pdf(batch));
		}
		stage(stages, "letters + batch assembly + folder printer", letters, t0);

		t0 = System.nanoTime();
		List<String> codes = jdbc
			.sql("SELECT c.code FROM letter_copy c JOIN letter l ON l.id = c.letter_id WHERE l.batch_id IN ("
					+ String.join(",", batchIds.stream().map(String::valueOf).toList()) + ")")
			.query(String.class)
			.list();
		for (String code : codes) {
			assertThat(delivery.scan(code, staff).outcome()).isEqualTo(ScanOutcome.DELIVERED);
		}
		stage(stages, "hand-over scans", codes.size(), t0);

		double totalSeconds = seconds(dayStart, System.nanoTime());
		long peak = heap.peak();
		heap.close();
		return new Run(scale, total, stages, totalSeconds, peak, pdfBytes, pages, letters);
	}

	private static long firstIntake(Map<String, double[]> stages) {
		return (long) stages.get("intake: IMAP (GreenMail)")[2];
	}

	/** seconds, items, start (nanos) */
	private static void stage(Map<String, double[]> stages, String name, int items, long start) {
		stages.put(name, new double[] { seconds(start, System.nanoTime()), items, start });
	}

	private static double seconds(long from, long to) {
		return (to - from) / 1e9;
	}

	private String format(Run run) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"%n%dx: %d messages, %d letters, %d pages, end to end %.1f s (%.1f messages/s)%n", run.scale(),
				run.messages(), run.letters(), run.pages(), run.totalSeconds(), run.messages() / run.totalSeconds()));
		String limiting = null;
		double slowest = Double.MAX_VALUE;
		for (Map.Entry<String, double[]> stage : run.stages().entrySet()) {
			double rate = stage.getValue()[1] / stage.getValue()[0];
			text.append(String.format(Locale.ROOT, "  %-44s %8.0f items %8.1f s %9.1f items/s%n", stage.getKey(),
					stage.getValue()[1], stage.getValue()[0], rate));
			// the screener's decisions are people's work, not the machine's
			if (!stage.getKey().startsWith("review") && stage.getValue()[0] > 0 && rate < slowest) {
				slowest = rate;
				limiting = stage.getKey();
			}
		}
		text.append(String.format(Locale.ROOT, "  peak heap %d MB, batch PDFs %.1f MB, %d bytes per page%n",
				run.peakHeap() >> 20, run.pdfBytes() / 1048576.0, run.pages() == 0 ? 0 : run.pdfBytes() / run.pages()));
		text.append(String.format(Locale.ROOT, "  limiting stage: %s (%.1f items/s)%n", limiting, slowest));
		return text.toString();
	}

	/**
	 * The letters stage alone: the application's templated letters against raw PDFBox
	 * (the three set-ups of {@link LetterBenchmark}; the fastest counts), interleaved on
	 * the same contents so a busy machine slows all alike.
	 */
	private String letterSpeed() throws IOException {
		int count = Math.max(100, Math.min(1000, MESSAGES / 20));
		List<LetterContent> letters = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			letters.add(new LetterContent("PI Benchmark", "Sam de Vries", "1234567", "A", "117", "Ans de Vries",
					LocalDate.of(2026, 12, 1), String.format(BODY, "Sam", "Mama") + " " + i, List.of(),
					CopyCodes.newCode()));
		}
		Map<String, LetterBenchmark.RawPdfBox> raws = new LinkedHashMap<>();
		raws.put("raw PDFBox, substitution off", new LetterBenchmark.RawPdfBox(false, false));
		raws.put("raw PDFBox, default (ligatures)", new LetterBenchmark.RawPdfBox(true, false));
		raws.put("raw PDFBox, Latin cut", new LetterBenchmark.RawPdfBox(false, true));
		// warmed up alike, so the JIT has compiled every set-up before it is timed
		for (int i = 0; i < 500; i++) {
			LetterContent letter = letters.get(i % count);
			rendering.render(letter, RenderOptions.DEFAULT);
			for (LetterBenchmark.RawPdfBox raw : raws.values()) {
				raw.letter(letter);
			}
		}
		long templated = 0;
		long[] raw = new long[raws.size()];
		for (LetterContent letter : letters) {
			long t = System.nanoTime();
			rendering.render(letter, RenderOptions.DEFAULT);
			templated += System.nanoTime() - t;
			int k = 0;
			for (LetterBenchmark.RawPdfBox setUp : raws.values()) {
				t = System.nanoTime();
				setUp.letter(letter);
				raw[k++] += System.nanoTime() - t;
			}
		}
		double templatedRate = count / (templated / 1e9);
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"%nLetters alone (%d one-page letters, one thread):%n  %-36s %8.1f letters/s%n", count,
				"templates (openhtmltopdf)", templatedRate));
		double fastest = 0;
		String fastestName = "";
		int k = 0;
		for (String name : raws.keySet()) {
			double rate = count / (raw[k++] / 1e9);
			text.append(String.format(Locale.ROOT, "  %-36s %8.1f letters/s%n", name, rate));
			if (rate > fastest) {
				fastest = rate;
				fastestName = name;
			}
		}
		text.append(String.format(Locale.ROOT, "  letters / fastest raw PDFBox (%s): %.2fx%n", fastestName,
				templatedRate / fastest));
		return text.toString();
	}

	/** Facilities BN01.. with a unit, prisoners and one approved relative each. */
	private List<Facility> benchFacilities() {
		StringBuilder facilities = new StringBuilder("code,name,time_zone,printer_type,printer_target\n");
		StringBuilder units = new StringBuilder("facility,code,name\n");
		StringBuilder prisoners = new StringBuilder("number,name,facility,unit,cell,status\n");
		StringBuilder contacts = new StringBuilder("email,name,verified,approved_for\n");
		for (int f = 1; f <= FACILITIES; f++) {
			String code = String.format(Locale.ROOT, "BN%02d", f);
			facilities.append(code)
				.append(",PI Benchmark ")
				.append(f)
				.append(",Europe/Amsterdam,FOLDER,bn")
				.append(f)
				.append('\n');
			units.append(code).append(",A,Afdeling A\n");
			List<String> numbers = new ArrayList<>();
			for (int p = 0; p < PRISONERS_PER_FACILITY; p++) {
				String number = String.format(Locale.ROOT, "9%02d%07d", f, p);
				numbers.add(number);
				prisoners.append(number)
					.append(",Gedetineerde ")
					.append(p)
					.append(' ')
					.append(code)
					.append(',')
					.append(code)
					.append(",A,A-")
					.append(p)
					.append(",ACTIVE\n");
			}
			contacts.append(senderEmail(code))
				.append(",Familie ")
				.append(code)
				.append(",true,")
				.append(String.join(";", numbers))
				.append('\n');
		}
		assertThat(importer.facilities(new StringReader(facilities.toString())).clean()).isTrue();
		assertThat(importer.units(new StringReader(units.toString())).clean()).isTrue();
		assertThat(importer.prisoners(new StringReader(prisoners.toString())).clean()).isTrue();
		assertThat(importer.contacts(new StringReader(contacts.toString())).clean()).isTrue();
		List<Facility> result = new ArrayList<>();
		for (int f = 1; f <= FACILITIES; f++) {
			result.add(registry.facility(String.format(Locale.ROOT, "BN%02d", f)).orElseThrow());
		}
		return result;
	}

	private static String senderEmail(String facility) {
		return "familie-" + facility.toLowerCase(Locale.ROOT) + "@example.org";
	}

	private PostbrugUser sender(Facility facility) {
		return PostbrugUser.relative(registry.contact(senderEmail(facility.code())).orElseThrow(), "n/a");
	}

	private static String prisoner(Facility facility, int i) {
		int f = Integer.parseInt(facility.code().substring(2));
		return String.format(Locale.ROOT, "9%02d%07d", f, (i / FACILITIES) % PRISONERS_PER_FACILITY);
	}

	/** One in ten risky: a word of the sample rules sends it to a screener. */
	private static String text(int i, String run) {
		String text = String.format(BODY, "Jan", "Mama") + "\n\n(" + run + " " + i + ")";
		return i % 10 == 5 ? text + "\nNeem je telefoon binnen mee? Zeg niks over het wapen." : text;
	}

	private MimeMessage mail(Session session, List<Facility> facilities, int i, String run, byte[] photo)
			throws Exception {
		Facility facility = facilities.get(i % facilities.size());
		String number = prisoner(facility, i);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(senderEmail(facility.code()), "Familie " + facility.code()));
		message.setRecipient(jakarta.mail.Message.RecipientType.TO,
				new InternetAddress("post+" + number + "@postbrug.example.org"));
		message.setSubject("Brief voor " + number, "UTF-8");
		message.setHeader("Message-ID", "<" + run + "-" + i + "@bench.example.org>");
		if (i % 10 == 0) {
			MimeMultipart parts = new MimeMultipart();
			MimeBodyPart body = new MimeBodyPart();
			body.setText(text(i, run), "UTF-8");
			parts.addBodyPart(body);
			MimeBodyPart image = new MimeBodyPart();
			image.setDataHandler(new DataHandler(new ByteArrayDataSource(photo, "image/jpeg")));
			image.setFileName("foto.jpg");
			parts.addBodyPart(image);
			message.setContent(parts);
		}
		else {
			message.setText(text(i, run), "UTF-8");
		}
		message.saveChanges();
		message.setHeader("Message-ID", "<" + run + "-" + i + "@bench.example.org>");
		return message;
	}

	/** A holiday photo of 800 x 600 pixels. */
	private static byte[] photo() throws IOException {
		BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		java.util.Random random = new java.util.Random(3);
		for (int i = 0; i < 300; i++) {
			g.setColor(new Color(random.nextInt(0xFFFFFF)));
			g.fillOval(random.nextInt(800), random.nextInt(600), 20 + random.nextInt(120), 20 + random.nextInt(120));
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
