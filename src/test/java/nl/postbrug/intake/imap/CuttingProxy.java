package nl.postbrug.intake.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback between a client and a real server that cuts the connection the
 * way a network failure would, at a chosen moment: when the client has sent a command
 * matching a pattern for the n-th time, after the server has answered with a number of
 * bytes more (0: before the command reaches the server). One cut per arming; until armed,
 * and after the cut, it passes everything through unchanged.
 */
final class CuttingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger cuts = new AtomicInteger();

	private final Object lock = new Object();

	private Pattern trigger;

	private int occurrencesLeft;

	private long replyBytes;

	CuttingProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "cutting-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return listener.getLocalPort();
	}

	/**
	 * Cuts the connection whose client sends a line matching {@code command} for the
	 * {@code occurrence}-th time, once the server has sent {@code replyBytes} more bytes
	 * on it (0: the command is never forwarded).
	 */
	void cutWhenClientSends(Pattern command, int occurrence, long replyBytes) {
		synchronized (lock) {
			this.trigger = command;
			this.occurrencesLeft = occurrence;
			this.replyBytes = replyBytes;
		}
	}

	/** How many connections were cut so far. */
	int cuts() {
		return cuts.get();
	}

	@Override
	public void close() throws IOException {
		listener.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				sockets.add(client);
				sockets.add(server);
				Link link = new Link(client, server);
				start(() -> link.clientToServer(), "cutting-proxy-up");
				start(() -> link.serverToClient(), "cutting-proxy-down");
			}
			catch (IOException ex) {
				// closed, or the server is not there: the client sees its connection fail
			}
		}
	}

	private static void start(Runnable pump, String name) {
		Thread thread = new Thread(pump, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** One proxied connection. */
	private final class Link {

		private final Socket client;

		private final Socket server;

		/** Bytes the server may still send before the cut; -1 while not armed. */
		private final AtomicLong untilCut = new AtomicLong(-1);

		Link(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void clientToServer() {
			try (InputStream in = new java.io.BufferedInputStream(client.getInputStream());
					OutputStream out = server.getOutputStream()) {
				ByteArrayOutputStream line = new ByteArrayOutputStream();
				int b;
				while ((b = in.read()) != -1) {
					line.write(b);
					if (b == '\n' || line.size() >= 8192) {
						if (triggeredBy(line.toString(StandardCharsets.ISO_8859_1))) {
							long bytes = replyBytesOfCut();
							if (bytes == 0) {
								cut();
								return;
							}
							untilCut.set(bytes);
						}
						line.writeTo(out);
						out.flush();
						line.reset();
					}
				}
			}
			catch (IOException ex) {
				// cut, or closed by one side
			}
			finally {
				closeBoth();
			}
		}

		void serverToClient() {
			try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
				byte[] buffer = new byte[8192];
				int n;
				while ((n = in.read(buffer)) != -1) {
					long left = untilCut.get();
					if (left >= 0 && n >= left) {
						out.write(buffer, 0, (int) left);
						out.flush();
						cut();
						return;
					}
					if (left >= 0) {
						untilCut.addAndGet(-n);
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// cut, or closed by one side
			}
			finally {
				closeBoth();
			}
		}

		private void cut() {
			cuts.incrementAndGet();
			closeBoth();
		}

		private void closeBoth() {
			try {
				client.close();
			}
			catch (IOException ex) {
				// closed already
			}
			try {
				server.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}

	}

	private boolean triggeredBy(String line) {
		synchronized (lock) {
			if (trigger == null || !trigger.matcher(line).find()) {
				return false;
			}
			if (--occurrencesLeft > 0) {
				return false;
			}
			trigger = null;
			return true;
		}
	}

	private long replyBytesOfCut() {
		synchronized (lock) {
			return replyBytes;
		}
	}

}
