package org.patchmap.metadata.model;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * An HTTP endpoint that never answers: connections are taken (by the system's backlog) and nothing is ever
 * sent back, until it is closed. A client's timeout against it fires at its own time, however fast or slow
 * the machine is, and an answer can never come first.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;

    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
