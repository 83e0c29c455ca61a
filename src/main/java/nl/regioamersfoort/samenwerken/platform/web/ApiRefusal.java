package nl.regioamersfoort.samenwerken.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses for a reason other than its input: not found or not visible (404), not
 * allowed (403) or not possible now (409). Features throw it, or a subclass that names their case.
 */
public class ApiRefusal extends RuntimeException {

    private final HttpStatus status;

    protected ApiRefusal(HttpStatus status, String dutchMessage) {
        super(dutchMessage);
        this.status = status;
    }

    public static ApiRefusal forbidden(String dutchMessage) {
        return new ApiRefusal(HttpStatus.FORBIDDEN, dutchMessage);
    }

    public static ApiRefusal notFound(String dutchMessage) {
        return new ApiRefusal(HttpStatus.NOT_FOUND, dutchMessage);
    }

    public static ApiRefusal conflict(String dutchMessage) {
        return new ApiRefusal(HttpStatus.CONFLICT, dutchMessage);
    }

    HttpStatus status() {
        return status;
    }
}
