package org.osteon.web;

/**
 * A request the server answers with an error: the HTTP status, a message a user can act on, and
 * the request field to blame (a path such as {@code interventions[0].value}), or null.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message, null, false, false); // no stack trace: these are answers, not bugs
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
