package org.osteon.cli;

/** A mistake in what the user asked for; reported without a stack trace, exit code 2. */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }
}
