package io.permlab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run per output folder. The lock is an OS lock on {@code .permlab.lock} inside the folder: the OS releases it
 * when the process ends however it ends, so a run killed with -9 never blocks the next one. The file itself stays
 * (deleting it would let a third run lock a new file while a second still holds the old one).
 */
final class OutputLock implements AutoCloseable {
    static final String FILE = ".permlab.lock";

    private final FileChannel channel;

    private OutputLock(FileChannel channel) {
        this.channel = channel;
    }

    static OutputLock acquire(Path dir) throws OutputFolder.Unusable {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputFolder.Unusable("cannot lock output folder " + dir + " (" + file.getFileName() + ": "
                    + OutputFolder.reason(e) + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already holds it: another run in the same process (tests run the CLI in-process)
        } catch (IOException e) {
            close(channel);
            throw new OutputFolder.Unusable("cannot lock output folder " + dir + ": " + OutputFolder.reason(e));
        }
        if (lock == null) {
            close(channel);
            throw new OutputFolder.Unusable("output folder " + dir + " is in use by another PermLab run" + holder(file)
                    + ": nothing was inspected and nothing of that run was touched; wait for it to finish or choose another --out");
        }
        recordHolder(channel);
        return new OutputLock(channel);
    }

    /** The holder's process id, for the message of a run that is refused. */
    private static void recordHolder(FileChannel channel) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException ignored) {
            // the pid is a courtesy; the lock is what counts
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d{1,10}") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        close(channel); // closing the channel releases the lock
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
