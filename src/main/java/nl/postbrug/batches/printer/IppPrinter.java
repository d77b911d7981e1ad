package nl.postbrug.batches.printer;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;

/**
 * An IPP Everywhere / IPP 2.x printer at {@code ipp://host[:port]/path} (HTTP) or
 * {@code ipps://host[:port]/path} (HTTPS; the printer's certificate must be trusted by
 * the JVM). A batch is sent with Print-Job as {@code application/pdf}; its job URI is the
 * reference kept with the batch and asked with Get-Job-Attributes; Get-Jobs finds a job
 * by name when its reference was lost.
 */
class IppPrinter implements Printer {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IppPrinter.class);

	private static final String USER = "postbrug";

	private final URI printer;

	private final URI http;

	private final HttpClient client;

	private final Duration requestTimeout;

	private final boolean duplex;

	IppPrinter(URI printer, Duration connectTimeout, Duration requestTimeout, boolean duplex) {
		String scheme = printer.getScheme() == null ? "" : printer.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("ipp") && !scheme.equals("ipps") || printer.getHost() == null) {
			throw new IllegalArgumentException("'" + printer + "' is not an ipp:// or ipps:// printer URI");
		}
		int port = printer.getPort() == -1 ? 631 : printer.getPort();
		this.printer = printer;
		this.http = URI.create((scheme.equals("ipps") ? "https" : "http") + "://" + printer.getHost() + ":" + port
				+ (printer.getRawPath() == null || printer.getRawPath().isEmpty() ? "/ipp/print"
						: printer.getRawPath()));
		this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.requestTimeout = requestTimeout;
		this.duplex = duplex;
	}

	@Override
	public String uri() {
		return printer.toString();
	}

	@Override
	public PrintJob submit(Path pdf, String jobName) {
		IppPacket.Builder builder = IppPacket.printJob(printer)
			.putOperationAttributes(Types.requestingUserName.of(USER), Types.jobName.of(jobName),
					Types.documentFormat.of("application/pdf"));
		if (duplex && printsBothSides()) {
			// The batch is laid out for both sides: every letter starts on an odd page, a
			// new sheet.
			builder.putJobAttributes(Types.sides.of(com.hp.jipp.model.Sides.twoSidedLongEdge));
		}
		IppPacket request = builder.build();
		HttpRequest.BodyPublisher document;
		try {
			document = HttpRequest.BodyPublishers.ofFile(pdf);
		}
		catch (FileNotFoundException ex) {
			throw new IllegalStateException("Batch file " + pdf + " is missing", ex);
		}
		IppPacket response = send(request, document, "Print-Job " + jobName);
		requireSuccess(response, "Print-Job " + jobName);
		AttributeGroup job = response.get(Tag.jobAttributes);
		if (job == null || job.getValue(Types.jobUri) == null) {
			throw new PrinterUnavailable(printer + " accepted " + jobName + " but returned no job URI", null);
		}
		return job(job, job.getValue(Types.jobUri).toString());
	}

	@Override
	public PrintJob status(String job) {
		IppPacket request = IppPacket.getJobAttributes(URI.create(job))
			.putOperationAttributes(Types.requestingUserName.of(USER),
					Types.requestedAttributes.of("job-id", "job-uri", "job-name", "job-state", "job-state-reasons",
							"job-state-message"))
			.build();
		IppPacket response = send(request, null, "Get-Job-Attributes " + job);
		if (response.getStatus().equals(Status.clientErrorNotFound)) {
			return new PrintJob(job, PrintJob.State.UNKNOWN, printer + " does not know job " + job);
		}
		requireSuccess(response, "Get-Job-Attributes " + job);
		AttributeGroup attributes = response.get(Tag.jobAttributes);
		return attributes == null ? new PrintJob(job, PrintJob.State.UNKNOWN, "no job attributes for " + job)
				: job(attributes, job);
	}

	@Override
	public Optional<PrintJob> find(String jobName) {
		IppPacket request = IppPacket.getJobs(printer)
			.putOperationAttributes(Types.requestingUserName.of(USER), Types.whichJobs.of("all"),
					Types.requestedAttributes.of("job-id", "job-uri", "job-name", "job-state", "job-state-reasons",
							"job-state-message"))
			.build();
		IppPacket response = send(request, null, "Get-Jobs");
		requireSuccess(response, "Get-Jobs");
		List<AttributeGroup> jobs = response.getAttributeGroups()
			.stream()
			.filter(group -> group.getTag().equals(Tag.jobAttributes))
			.filter(group -> jobName.equals(group.getString(Types.jobName)))
			.toList();
		return jobs.stream()
			.max(Comparator.comparing(
					(AttributeGroup group) -> group.getValue(Types.jobId) == null ? 0 : group.getValue(Types.jobId)))
			.filter(group -> group.getValue(Types.jobUri) != null)
			.map(group -> job(group, group.getValue(Types.jobUri).toString()));
	}

	/**
	 * Whether the printer offers two-sided printing. A printer that does not refuses a
	 * job asking for it; the padded batch then prints one-sided, every letter still on
	 * sheets of its own.
	 */
	private boolean printsBothSides() {
		IppPacket request = IppPacket.getPrinterAttributes(printer, Types.sidesSupported).build();
		IppPacket response = send(request, null, "Get-Printer-Attributes");
		requireSuccess(response, "Get-Printer-Attributes");
		AttributeGroup attributes = response.get(Tag.printerAttributes);
		boolean supported = attributes != null
				&& attributes.getStrings(Types.sidesSupported).contains(com.hp.jipp.model.Sides.twoSidedLongEdge);
		if (!supported) {
			log.warn("{} does not print two-sided; the duplex batch prints one-sided with blank backs", printer);
		}
		return supported;
	}

	@Override
	public Reachability check() {
		try {
			IppPacket request = IppPacket
				.getPrinterAttributes(printer, Types.printerState, Types.printerStateReasons,
						Types.printerIsAcceptingJobs)
				.build();
			IppPacket response = send(request, null, "Get-Printer-Attributes");
			requireSuccess(response, "Get-Printer-Attributes");
			AttributeGroup attributes = response.get(Tag.printerAttributes);
			String state = attributes == null || attributes.getValue(Types.printerState) == null ? "unknown"
					: attributes.getValue(Types.printerState).getName();
			Boolean accepting = attributes == null ? null : attributes.getValue(Types.printerIsAcceptingJobs);
			return new Reachability(true,
					state + (Boolean.FALSE.equals(accepting) ? ", not accepting jobs" : "") + (attributes == null ? ""
							: ", " + String.join(" ", attributes.getStrings(Types.printerStateReasons))));
		}
		catch (PrinterUnavailable ex) {
			return new Reachability(false, ex.getMessage());
		}
	}

	private static PrintJob job(AttributeGroup attributes, String ref) {
		JobState state = attributes.getValue(Types.jobState);
		List<String> reasons = attributes.getStrings(Types.jobStateReasons);
		String message = attributes.getString(Types.jobStateMessage);
		String detail = "job " + ref + " " + (state == null ? "in unknown state" : state.getName())
				+ (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")")
				+ (message == null || message.isBlank() ? "" : ": " + message);
		return new PrintJob(ref, state(state), detail);
	}

	private static PrintJob.State state(JobState state) {
		if (state == null) {
			return PrintJob.State.UNKNOWN;
		}
		if (state.equals(JobState.completed)) {
			return PrintJob.State.COMPLETED;
		}
		if (state.equals(JobState.aborted) || state.equals(JobState.canceled)) {
			return PrintJob.State.FAILED;
		}
		if (state.equals(JobState.processing) || state.equals(JobState.processingStopped)) {
			return PrintJob.State.PROCESSING;
		}
		return PrintJob.State.PENDING;
	}

	private IppPacket send(IppPacket request, HttpRequest.BodyPublisher document, String what) {
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		try {
			request.write(header);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot encode " + what, ex);
		}
		HttpRequest.BodyPublisher body = document == null ? HttpRequest.BodyPublishers.ofByteArray(header.toByteArray())
				: HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(header.toByteArray()),
						document);
		HttpRequest http = HttpRequest.newBuilder(this.http)
			.timeout(requestTimeout)
			.header("Content-Type", "application/ipp")
			.POST(body)
			.build();
		try {
			HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				if (response.statusCode() != 200) {
					throw new PrinterUnavailable(
							"Printer " + printer + " answered HTTP " + response.statusCode() + " to " + what, null);
				}
				return IppPacket.parse(in);
			}
		}
		catch (IOException ex) {
			throw new PrinterUnavailable("Printer " + printer + " is unreachable (" + what + "): "
					+ (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PrinterUnavailable("Interrupted while talking to printer " + printer, ex);
		}
	}

	private void requireSuccess(IppPacket response, String what) {
		if (response.getCode() >= 0x100) {
			throw new PrinterUnavailable("Printer " + printer + " refused " + what + ": " + response.getStatus(), null);
		}
	}

}
