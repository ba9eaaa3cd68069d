package org.osteon.trajectory;

import java.io.IOException;

/**
 * An output file cannot be written where the user asked: a directory is there, the directory
 * does not exist, or the file system refuses. The message names the file and why, in words a
 * user can act on; nothing at the target was changed.
 */
public class OutputFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputFileException(String message) {
        super(message);
    }

    public OutputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
