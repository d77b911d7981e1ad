package nl.postbrug.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import nl.postbrug.audit.chain.CanonicalEncoding;
import nl.postbrug.audit.chain.ChainEvent;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as they are read, in CSV or JSON, with every field an auditor needs to
 * recompute the hashes.
 */
final class EventExport {

	static final List<String> COLUMNS = List.of("seq", "at", "actor", "action", "object", "result", "origin_channel",
			"origin_address", "detail", "encoding", "prev_hash", "hash");

	private EventExport() {
	}

	interface Sink extends AutoCloseable {

		void write(ChainEvent event);

		@Override
		void close();

	}

	static Sink csv(OutputStream out) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		write(writer, CsvCells.record(COLUMNS));
		return new Sink() {
			@Override
			public void write(ChainEvent e) {
				EventExport.write(writer,
						CsvCells.record(Arrays.asList(Long.toString(e.seq()), CanonicalEncoding.time(e.at()), e.actor(),
								e.action(), e.object(), e.result(), e.originChannel(), e.originAddress(), e.detail(),
								Integer.toString(e.encoding()), e.prevHash(), e.hash())));
			}

			@Override
			public void close() {
				try {
					writer.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		};
	}

	static Sink json(OutputStream out, JsonMapper mapper) {
		JsonGenerator json = mapper.createGenerator(out);
		json.writeStartArray();
		return new Sink() {
			@Override
			public void write(ChainEvent e) {
				json.writeStartObject();
				json.writeNumberProperty("seq", e.seq());
				json.writeStringProperty("at", CanonicalEncoding.time(e.at()));
				json.writeStringProperty("actor", e.actor());
				json.writeStringProperty("action", e.action());
				json.writeStringProperty("object", e.object());
				json.writeStringProperty("result", e.result());
				json.writeObjectPropertyStart("origin");
				json.writeStringProperty("channel", e.originChannel());
				json.writeStringProperty("address", e.originAddress());
				json.writeEndObject();
				json.writeStringProperty("detail", e.detail());
				json.writeNumberProperty("encoding", e.encoding());
				json.writeStringProperty("prevHash", e.prevHash());
				json.writeStringProperty("hash", e.hash());
				json.writeEndObject();
			}

			@Override
			public void close() {
				json.writeEndArray();
				json.close();
			}
		};
	}

	private static void write(Writer writer, String text) {
		try {
			writer.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
