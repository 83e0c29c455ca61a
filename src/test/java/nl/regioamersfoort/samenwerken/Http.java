package nl.regioamersfoort.samenwerken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real HTTP against the running application: either as an API client with HTTP Basic, or as a
 * browser that keeps its session cookie and logs in through the login page.
 */
public final class Http {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private final String basicCredentials;
    private final String forwardedFor;

    private Http(String baseUrl, HttpClient client, String basicCredentials) {
        this(baseUrl, client, basicCredentials, null);
    }

    private Http(String baseUrl, HttpClient client, String basicCredentials, String forwardedFor) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.basicCredentials = basicCredentials;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same caller, seen by the application as coming from another address: the header a reverse
     * proxy on the local machine would add (Tomcat trusts it from 127.0.0.1 only).
     */
    public Http from(String address) {
        return new Http(baseUrl, client, basicCredentials, address);
    }

    /** Nobody logged in. */
    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), null);
    }

    /** An API client sending HTTP Basic credentials with every request. */
    public static Http basic(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http("http://localhost:" + port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "Basic " + token);
    }

    /** A browser: keeps cookies, does not follow redirects. */
    public static Http browser(int port) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new Http("http://localhost:" + port, client, null);
    }

    /** Fills in the login page as a person would; returns the response to the form post. */
    public HttpResponse<String> login(String user, String password) {
        String page = get("/login", "text/html").body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("The login page has no CSRF token field:\n" + page);
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return send(request("/login", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path, accept).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path, "application/json")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the form on our own page, as a browser would send it back; "geen" where the page has none. */
    public String csrfTokenOf(String page) {
        Matcher csrf = CSRF_FIELD.matcher(get(page, "text/html").body());
        return csrf.find() ? csrf.group(1) : "geen";
    }

    /** A form post as the page's form sends it, with the given CSRF token, or none when null. */
    public HttpResponse<String> postForm(String action, Map<String, String> form, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(request(action, "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path, "application/json").header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file as bytes: a PDF does not survive decoding as text. */
    public HttpResponse<byte[]> download(String path, String accept) {
        try {
            return client.send(request(path, accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept);
        if (basicCredentials != null) {
            builder.header("Authorization", basicCredentials);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
