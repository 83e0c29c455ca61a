package nl.regioamersfoort.samenwerken.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a Linux process from /proc/&lt;pid&gt;/status, as the kernel counts them (resident, not heap). */
public final class ProcStatus {

    private ProcStatus() {
    }

    /** This JVM's peak resident memory (VmHWM) in MB; -1 off Linux. */
    public static long ownResidentPeakMb() {
        long kb = kilobytes(Path.of("/proc/self/status"), "VmHWM");
        return kb < 0 ? -1 : kb / 1024;
    }

    /** A "Key:   1234 kB" line of a status file; -1 when the file or the key is missing. */
    static long kilobytes(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
