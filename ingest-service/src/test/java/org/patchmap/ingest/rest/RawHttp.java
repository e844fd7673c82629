package org.patchmap.ingest.rest;

import org.patchmap.deploy.testing.Eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An upload over a bare socket, for what HTTP clients will not do: declare a body and send only its
 * first bytes, then read the answer (or hold the request open).
 */
final class RawHttp {
    static final String BOUNDARY = "patchmap-raw-boundary";

    /** An answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /**
     * Opens {@code POST /api/uploads} from {@code forwardedFor}, declaring {@code contentLength}
     * bytes of multipart body, and sends the headers and the first part header only.
     */
    static Socket startUpload(URL base, String forwardedFor, long contentLength) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) Eventually.HANG_GUARD.toMillis());
        String head = "POST /api/uploads HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + UploadAdmission.FORWARDED_FOR + ": " + forwardedFor + "\r\n"
                + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.abf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "ABF2";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Sends {@code bytes} more bytes of the file (zeros) on an upload begun by {@link #startUpload}. */
    static void send(Socket socket, int bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[bytes]);
        out.flush();
    }

    /** Reads the answer on {@code socket} (fixed length or chunked). */
    static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the middle of the answer");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
