package org.sutahsilat.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Child processes (MariaDB, Payara Micro) of a launcher that was killed without its shutdown hook (kill -9, power
 * loss of the terminal) keep running and hold the database files and the port. Their ids are recorded in the data
 * folder; the next start stops those that still run from this data folder.
 */
final class LeftoverProcesses {

    private final Path file;
    private final String dataPath;

    LeftoverProcesses(DataFolder data) {
        this.file = data.runtime().resolve("child-processes.pid");
        this.dataPath = data.root().toString();
    }

    /** Stops processes recorded by an earlier run that still run with this data folder; returns their ids. */
    List<Long> stopLeftovers() {
        List<Long> stopped = new ArrayList<>();
        if (!Files.exists(file)) {
            return stopped;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(line.trim()));
                    if (process.isPresent() && isOurs(process.get())) {
                        stop(process.get());
                        stopped.add(process.get().pid());
                    }
                }
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            // a damaged record: nothing to stop
        }
        return stopped;
    }

    /** Records the launcher's current child processes. */
    void recordChildren() {
        StringBuilder pids = new StringBuilder();
        ProcessHandle.current().children().forEach(p -> pids.append(p.pid()).append('\n'));
        try {
            Files.writeString(file, pids.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // next start checks each process anyway
        }
    }

    private boolean isOurs(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(c -> c.contains(dataPath)).orElse(false);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
