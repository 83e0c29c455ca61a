package nl.regioamersfoort.samenwerken.security;

/** The configuration would run the application with credentials anybody could guess. */
class InsecureConfigurationException extends RuntimeException {

    private final String action;

    InsecureConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    String getAction() {
        return action;
    }
}
