package org.clutch.shop.devices.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network printer's raw port (9100, "JetDirect") that keeps what it is sent, to stand in for a receipt or label
 * printer on the network: one connection is one job. A connection that sends nothing (checking that the printer
 * answers) is not a job. Listens on loopback only.
 * <p>
 * {@code java -cp org.clutch.shop.devices_*.jar org.clutch.shop.devices.link.RawPrintServer 9100} prints each job
 * it receives, to see what a printer set up as 127.0.0.1:9100 would get.
 */
public final class RawPrintServer implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();

    private RawPrintServer(ServerSocket server) {
        this.server = server;
        Thread accepting = new Thread(this::serve, "raw print server :" + server.getLocalPort());
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Listens on {@code port} of the loopback interface; 0 picks a free port. */
    public static RawPrintServer listen(int port) throws IOException {
        return new RawPrintServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next job received, waiting up to the timeout; empty when none came. */
    public Optional<byte[]> nextJob(long timeout, TimeUnit unit) throws InterruptedException {
        return Optional.ofNullable(jobs.poll(timeout, unit));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                byte[] job = in.readAllBytes();
                if (job.length > 0) {
                    jobs.add(job);
                }
            } catch (IOException e) {
                // closed, or the sender went away mid-job: nothing to keep
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (RawPrintServer printer = listen(args.length > 0 ? Integer.parseInt(args[0]) : 9100)) {
            System.out.println("Printer listening on 127.0.0.1:" + printer.port());
            while (true) {
                byte[] job = printer.jobs.take();
                System.out.println("--- job of " + job.length + " bytes ---");
                System.out.println(new String(job, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
