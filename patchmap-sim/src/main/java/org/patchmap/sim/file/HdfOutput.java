package org.patchmap.sim.file;

import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.storage.HdfFileChannel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Writes an HDF5 file with jhdf's writable groups and datasets, doing what {@code WritableHdfFile}
 * does on close minus three of its habits (jhdf 0.13.0):
 * <ul>
 * <li>it stamps the file "jHDF - version - os.name - os.arch - byte order" as a root attribute
 * and again after the objects, so the bytes would differ between machines;</li>
 * <li>that trailing stamp is written at the channel's position, which is the end of the last
 * chunked dataset written, not the end of the file: when a group comes after that dataset, the
 * stamp overwrites the group's object header and the file cannot be read (a dataset followed by
 * an empty group is enough);</li>
 * <li>it opens the file without truncating it, so a longer file at the path keeps its tail and
 * the superblock's end-of-file address is the old size.</li>
 * </ul>
 * Here the root group is written from the root object-header address {@code WritableHdfFile} uses,
 * then the superblock (version 2) with the file's end. jhdf's writer reads no clock (its object
 * headers carry no times), so the same content gives the same bytes.
 */
final class HdfOutput {
    private HdfOutput() {
    }

    static void write(Path file, Consumer<WritableGroup> content) throws IOException {
        WritableGroupImpl root = new WritableGroupImpl(null, "/");
        content.accept(root);
        try (FileChannel fc = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
            HdfFileChannel channel = new HdfFileChannel(fc, superblock);
            root.write(channel, WritableHdfFile.ROOT_GROUP_ADDRESS);
            channel.write(superblock.toBuffer(fc.size()), 0L);
        }
    }
}
