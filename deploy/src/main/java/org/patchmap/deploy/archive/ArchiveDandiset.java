package org.patchmap.deploy.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One dandiset of a {@link LocalArchive}: the folder {@code <root>/<id>/} holding
 * {@code dandiset.json} (the published version's metadata as DANDI serves it, with its
 * {@code version} and {@code name}), the recordings below it (their paths are the asset paths) and,
 * optionally, {@code assets.json}: per asset path, fields added to that asset's metadata (its
 * subject, say). Asset ids are name-based UUIDs of dandiset and path, so they are the same on every
 * start; digests are computed once, at start.
 */
record ArchiveDandiset(String id, String version, ObjectNode metadata, Instant modified, List<Asset> assets,
                       JsonNode extras) {
    static final String METADATA_FILE = "dandiset.json";
    static final String ASSET_METADATA_FILE = "assets.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recording of the dandiset; {@code extra} is what assets.json adds to its metadata (maybe empty). */
    record Asset(String assetId, String path, Path file, long size, String sha256, Instant modified, ObjectNode extra) {
    }

    static ArchiveDandiset load(Path folder) throws IOException {
        ArchiveDandiset d = empty(folder);
        List<Asset> assets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = folder.relativize(f).toString().replace('\\', '/');
                if (isRecording(path)) {
                    assets.add(d.asset(path, f, Files.size(f), sha256(f)));
                }
            }
        }
        Instant modified = assets.stream().map(Asset::modified).max(Instant::compareTo).orElse(d.modified());
        return new ArchiveDandiset(d.id(), d.version(), d.metadata(), modified, List.copyOf(assets), d.extras());
    }

    /** The dandiset of {@code folder} (its dandiset.json and assets.json) with no asset yet. */
    static ArchiveDandiset empty(Path folder) throws IOException {
        String id = folder.getFileName().toString();
        JsonNode read = JSON.readTree(folder.resolve(METADATA_FILE).toFile());
        if (!(read instanceof ObjectNode metadata) || !metadata.hasNonNull("version") || !metadata.hasNonNull("name")) {
            throw new IOException(folder.resolve(METADATA_FILE) + ": expected a JSON object with 'version' and 'name'");
        }
        Path extras = folder.resolve(ASSET_METADATA_FILE);
        JsonNode perPath = Files.exists(extras) ? JSON.readTree(extras.toFile()) : JSON.createObjectNode();
        return new ArchiveDandiset(id, metadata.get("version").asText(), metadata,
                Files.getLastModifiedTime(folder.resolve(METADATA_FILE)).toInstant(), List.of(), perPath);
    }

    /** The asset of the recording {@code file} at {@code path}, whose size and digest are known. */
    Asset asset(String path, Path file, long size, String sha256) throws IOException {
        JsonNode extra = extras.get(path);
        UUID assetId = UUID.nameUUIDFromBytes((id + "/" + path).getBytes(StandardCharsets.UTF_8));
        return new Asset(assetId.toString(), path, file, size, sha256, Files.getLastModifiedTime(file).toInstant(),
                extra instanceof ObjectNode o ? o : JSON.createObjectNode());
    }

    /** This dandiset with {@code a} added (modified when {@code a} was, if later). */
    ArchiveDandiset with(Asset a) {
        List<Asset> more = new ArrayList<>(assets);
        more.add(a);
        Instant latest = a.modified().isAfter(modified) ? a.modified() : modified;
        return new ArchiveDandiset(id, version, metadata, latest, List.copyOf(more), extras);
    }

    String name() {
        return metadata.get("name").asText();
    }

    long size() {
        return assets.stream().mapToLong(Asset::size).sum();
    }

    private static boolean isRecording(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".nwb") || p.endsWith(".abf");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-256 in this JVM", e));
        }
    }
}
