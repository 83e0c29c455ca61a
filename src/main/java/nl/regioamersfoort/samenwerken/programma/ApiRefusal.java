package nl.regioamersfoort.samenwerken.programma;

import org.springframework.http.HttpStatus;

/** A request the API refuses for a reason other than its input: not allowed (403) or not possible now (409). */
class ApiRefusal extends RuntimeException {

    private final HttpStatus status;

    private ApiRefusal(HttpStatus status, String dutchMessage) {
        super(dutchMessage);
        this.status = status;
    }

    static ApiRefusal forbidden(String dutchMessage) {
        return new ApiRefusal(HttpStatus.FORBIDDEN, dutchMessage);
    }

    static ApiRefusal conflict(String dutchMessage) {
        return new ApiRefusal(HttpStatus.CONFLICT, dutchMessage);
    }

    HttpStatus status() {
        return status;
    }
}
