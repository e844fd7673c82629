package org.patchmap.deploy.archive;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code LocalArchiveMain ROOT [PORT]}: serves a folder of dandisets until the process is stopped. */
public final class LocalArchiveMain {
    private LocalArchiveMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: LocalArchiveMain ROOT [PORT]");
            System.exit(2);
        }
        LocalArchive archive = new LocalArchive(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(archive::close));
        System.out.println("local archive: " + archive.summary() + " at " + archive.apiUrl());
        new CountDownLatch(1).await();
    }
}
