package se.techtank.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;

/** {@code .local/launcher.lock}: one local stack per repository, holding the launcher's pid. */
final class LauncherLock {

    private final RandomAccessFile file;
    private final FileLock lock;

    private LauncherLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    static LauncherLock acquire(Layout layout) throws IOException {
        RandomAccessFile file = new RandomAccessFile(layout.lockFile().toFile(), "rw");
        FileLock lock = file.getChannel().tryLock();
        if (lock == null) {
            String pid = file.readLine();
            file.close();
            throw new IllegalStateException("Another local stack is already running from this repository (pid "
                    + (pid == null ? "?" : pid.trim()) + ", lock " + layout.show(layout.lockFile())
                    + "). Stop it with Ctrl-C in its terminal or kill " + (pid == null ? "<pid>" : pid.trim()) + ".");
        }
        file.setLength(0);
        file.write((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        return new LauncherLock(file, lock);
    }

    void release() {
        try {
            file.setLength(0);
            lock.release();
            file.close();
        } catch (IOException ignored) {
            // the process exits anyway
        }
    }
}
