package org.patchmap.cli;

import org.patchmap.core.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/patchmap}: the science of PatchMap on a scientist's own files. Each subcommand
 * prints JSON on standard output; a file that fails gives its error and the others go on.
 */
@Command(name = "patchmap", mixinStandardHelpOptions = true, versionProvider = PatchmapCommand.Version.class,
        description = "Patch-clamp recordings to ipfx-style long-square features, on your own files.",
        subcommands = {FamiliesCommand.class, FeaturesCommand.class, BenchCommand.class, MetadataCommand.class,
                MapCommand.class, BenchMapCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class PatchmapCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PatchmapCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {CodeVersion.current()};
        }
    }
}
