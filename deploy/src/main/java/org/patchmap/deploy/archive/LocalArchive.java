package org.patchmap.deploy.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.patchmap.deploy.archive.ArchiveDandiset.Asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local archive that speaks the part of the DANDI REST API ingest-service's client uses, over a
 * folder of dandisets ({@link ArchiveDandiset}): the dandiset listing and the asset listings with
 * paging ({@code page}, {@code page_size}, absolute {@code next} links), version metadata, asset
 * metadata (path, size, {@code digest."dandi:sha2-256"}, content URL, plus the folder's own
 * per-asset fields), and downloads that redirect to a blob URL which honours {@code Range}. Every
 * download of an asset is the same bytes, matching its digest. For an offline stack
 * ({@code DANDI_API_URL=http://host:port/api}) and for tests; not a DANDI replacement (no
 * search, no drafts other than the published version, no authentication).
 */
public final class LocalArchive implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final Pattern VERSION = Pattern.compile("^/api/dandisets/([^/]+)/versions/([^/]+)/$");
    private static final Pattern ASSETS = Pattern.compile("^/api/dandisets/([^/]+)/versions/([^/]+)/assets/$");
    private static final Pattern ASSET = Pattern.compile("^/api/dandisets/([^/]+)/versions/([^/]+)/assets/([^/]+)/$");
    private static final Pattern DOWNLOAD = Pattern.compile("^/api/assets/([^/]+)/download/$");
    private static final Pattern BLOB = Pattern.compile("^/blobs/([^/]+)$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-(\\d*)$");

    private final Path root;
    /** Replaced whole on every change (few dandisets), so a request reads one consistent listing. */
    private volatile Map<String, ArchiveDandiset> dandisets = Map.of();
    private final Map<String, Asset> assetsById = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** Reads every dandiset folder of {@code root} (digests included) and serves them on {@code port} (0: any free port). */
    public LocalArchive(Path root, int port) throws IOException {
        this(root, port, true);
    }

    /**
     * Serves the dandisets of {@code root}'s folders (their dandiset.json and assets.json) with no
     * asset yet: {@link #add} publishes each recording once it is written, as a lab uploads files
     * to DANDI one by one.
     */
    public static LocalArchive growing(Path root, int port) throws IOException {
        return new LocalArchive(root, port, false);
    }

    private LocalArchive(Path root, int port, boolean withFiles) throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(root)) {
            folders = s.filter(d -> Files.exists(d.resolve(ArchiveDandiset.METADATA_FILE))).sorted().toList();
        }
        List<ArchiveDandiset> loaded = new ArrayList<>();
        for (Path folder : folders) {
            loaded.add(withFiles ? ArchiveDandiset.load(folder) : ArchiveDandiset.empty(folder));
        }
        // DANDI lists the most recently modified first.
        loaded.sort(Comparator.comparing(ArchiveDandiset::modified).reversed().thenComparing(ArchiveDandiset::id));
        Map<String, ArchiveDandiset> byId = new LinkedHashMap<>();
        for (ArchiveDandiset d : loaded) {
            byId.put(d.id(), d);
            d.assets().forEach(a -> assetsById.put(a.assetId(), a));
        }
        dandisets = byId;
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Publishes the recording at {@code path} of dandiset {@code dandisetId} (a file under its
     * folder whose size and SHA-256 the caller knows): listed and downloadable from now on, and
     * the dandiset's modified time and asset count change as on DANDI.
     */
    public synchronized void add(String dandisetId, String path, long size, String sha256) throws IOException {
        ArchiveDandiset d = dandisets.get(dandisetId);
        if (d == null) {
            throw new IllegalArgumentException("no dandiset " + dandisetId + " in " + root);
        }
        Asset a = d.asset(path, root.resolve(dandisetId).resolve(path), size, sha256);
        Map<String, ArchiveDandiset> next = new LinkedHashMap<>(dandisets);
        next.put(dandisetId, d.with(a));
        assetsById.put(a.assetId(), a);
        dandisets = next;
    }

    /** The API's base URL, as ingest's {@code DANDI_API_URL} takes it. */
    public String apiUrl() {
        return base() + "/api";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The number of dandisets and of assets served. */
    public String summary() {
        return dandisets.size() + " dandisets, " + assetsById.size() + " assets";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            Matcher m;
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                json(ex, 405, error("Method \"" + ex.getRequestMethod() + "\" not allowed."));
            } else if (path.equals("/api/dandisets/")) {
                json(ex, 200, page(List.copyOf(dandisets.values()), query, "/api/dandisets/", this::listed));
            } else if ((m = ASSET.matcher(path)).matches()) {
                ArchiveDandiset d = published(m.group(1), m.group(2));
                Asset a = assetsById.get(m.group(3));
                if (d == null || a == null || !d.assets().contains(a)) {
                    json(ex, 404, error("Not found."));
                } else {
                    json(ex, 200, assetMetadata(d, a));
                }
            } else if ((m = ASSETS.matcher(path)).matches()) {
                ArchiveDandiset d = published(m.group(1), m.group(2));
                if (d == null) {
                    json(ex, 404, error("Not found."));
                } else {
                    json(ex, 200, page(d.assets(), query, path, this::listed));
                }
            } else if ((m = VERSION.matcher(path)).matches()) {
                ArchiveDandiset d = published(m.group(1), m.group(2));
                if (d == null) {
                    json(ex, 404, error("Not found."));
                } else {
                    json(ex, 200, versionMetadata(d, m.group(2)));
                }
            } else if ((m = DOWNLOAD.matcher(path)).matches() && assetsById.containsKey(m.group(1))) {
                ex.getResponseHeaders().set("Location", base() + "/blobs/" + m.group(1));
                ex.sendResponseHeaders(302, -1);
            } else if ((m = BLOB.matcher(path)).matches() && assetsById.containsKey(m.group(1))) {
                blob(ex, assetsById.get(m.group(1)));
            } else {
                json(ex, 404, error("Not found."));
            }
        }
    }

    /** The dandiset's metadata; its assetsSummary counts the files served, as DANDI computes it from the assets. */
    private static ObjectNode versionMetadata(ArchiveDandiset d, String version) {
        ObjectNode m = d.metadata().deepCopy().put("version", version);
        if (m.get("assetsSummary") instanceof ObjectNode summary) {
            summary.put("numberOfFiles", d.assets().size());
            summary.put("numberOfBytes", d.size());
        }
        return m;
    }

    /** The dandiset if {@code version} is its published one (or "draft", served as the same content). */
    private ArchiveDandiset published(String id, String version) {
        ArchiveDandiset d = dandisets.get(id);
        return d != null && (d.version().equals(version) || "draft".equals(version)) ? d : null;
    }

    private <T> ObjectNode page(List<T> all, Map<String, String> query, String path, Function<T, ObjectNode> row) {
        int size = Math.max(1, Math.min(1000, intParam(query, "page_size", DEFAULT_PAGE_SIZE)));
        int number = Math.max(1, intParam(query, "page", 1));
        int from = Math.min(all.size(), (number - 1) * size);
        int to = Math.min(all.size(), from + size);
        ObjectNode page = JSON.createObjectNode();
        page.put("count", all.size());
        if (to < all.size()) {
            page.put("next", base() + path + "?page=" + (number + 1) + "&page_size=" + size);
        } else {
            page.putNull("next");
        }
        if (number > 1) {
            page.put("previous", base() + path + "?page=" + (number - 1) + "&page_size=" + size);
        } else {
            page.putNull("previous");
        }
        ArrayNode results = page.putArray("results");
        all.subList(from, to).forEach(t -> results.add(row.apply(t)));
        return page;
    }

    private ObjectNode listed(ArchiveDandiset d) {
        ObjectNode e = JSON.createObjectNode();
        e.put("identifier", d.id());
        e.put("created", d.modified().toString());
        e.put("modified", d.modified().toString());
        e.put("embargo_status", "OPEN");
        e.set("draft_version", versionInfo(d, "draft", "Valid"));
        e.set("most_recent_published_version", versionInfo(d, d.version(), "Published"));
        return e;
    }

    private ObjectNode versionInfo(ArchiveDandiset d, String version, String status) {
        ObjectNode v = JSON.createObjectNode();
        v.put("version", version);
        v.put("name", d.name());
        v.put("asset_count", d.assets().size());
        v.put("size", d.size());
        v.put("status", status);
        v.put("created", d.modified().toString());
        v.put("modified", d.modified().toString());
        return v;
    }

    private ObjectNode listed(Asset a) {
        ObjectNode e = JSON.createObjectNode();
        e.put("asset_id", a.assetId());
        e.put("path", a.path());
        e.put("size", a.size());
        e.put("created", a.modified().toString());
        e.put("modified", a.modified().toString());
        return e;
    }

    private ObjectNode assetMetadata(ArchiveDandiset d, Asset a) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "dandiasset:" + a.assetId());
        m.put("schemaKey", "Asset");
        m.put("identifier", a.assetId());
        m.put("path", a.path());
        m.put("contentSize", a.size());
        m.put("encodingFormat", a.path().toLowerCase(java.util.Locale.ROOT).endsWith(".abf")
                ? "application/octet-stream" : "application/x-nwb");
        m.putObject("digest").put("dandi:sha2-256", a.sha256());
        m.putArray("contentUrl").add(apiUrl() + "/assets/" + a.assetId() + "/download/");
        m.put("dateModified", a.modified().toString());
        m.put("isPartOf", "DANDI:" + d.id() + "/" + d.version());
        m.setAll(a.extra());
        return m;
    }

    private static void blob(HttpExchange ex, Asset a) throws IOException {
        long from = 0;
        long to = a.size() - 1;
        String range = ex.getRequestHeaders().getFirst("Range");
        int status = 200;
        if (range != null) {
            Matcher r = RANGE.matcher(range.trim());
            if (!r.matches() || Long.parseLong(r.group(1)) >= a.size()) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + a.size());
                ex.sendResponseHeaders(416, -1);
                return;
            }
            from = Long.parseLong(r.group(1));
            to = r.group(2).isEmpty() ? to : Math.min(to, Long.parseLong(r.group(2)));
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + a.size());
        }
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        long length = to - from + 1;
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length);
        try (InputStream in = Files.newInputStream(a.file()); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(from);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(String detail) {
        return JSON.createObjectNode().put("detail", detail);
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
