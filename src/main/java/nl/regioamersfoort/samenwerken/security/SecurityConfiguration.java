package nl.regioamersfoort.samenwerken.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. Spring Security authenticates against Camunda's identity; the REST API
 * and the webapps then take that login over through Camunda's container-based authentication, so
 * the engine's authorization checks see the same user and groups at every door.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Where the Camunda webapps post their own logout button, with their CSRF token. Without the token
     * the post goes on to the webapps, whose CsrfPreventionFilter refuses it like any other.
     */
    private static final RequestMatcher WEBAPP_LOGOUT_PATH = antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
    private static final RequestMatcher WEBAPP_LOGOUT = new AndRequestMatcher(WEBAPP_LOGOUT_PATH, SecurityConfiguration::carriesWebappCsrfToken);

    /**
     * Our own pages (login, outbox, error pages) load nothing but our stylesheet. The webapps under
     * /camunda send their own policy with a nonce per page (camunda.bpm.webapp.header-security), so
     * this one stays off there: two policies would both apply and break the webapps.
     */
    static final String OWN_PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** JSON answers are never rendered, framed or allowed to load anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Who may send the engine the commands that a person may not (EngineDoors). */
    private static final String[] ADMINISTRATORS = {Roles.BEHEER, Groups.CAMUNDA_ADMIN};

    /** Camunda groups are the roles, as they are: {@code isUserInRole("beheer")} means group beheer. */
    @Bean
    static GrantedAuthorityDefaults grantedAuthorityDefaults() {
        return new GrantedAuthorityDefaults("");
    }

    /** Machine and API clients: HTTP Basic on every request, no session, no cookies (so no CSRF). */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        ApiAuthenticationAnswers answers = new ApiAuthenticationAnswers();
        return http
                // Ant matchers: /engine-rest and /camunda/api are Jersey servlets, which Spring MVC matchers do not see.
                .securityMatcher(new OrRequestMatcher(antMatcher("/engine-rest/**"), antMatcher("/api/**"), antMatcher("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        // Status only (UP/DOWN) for load balancers and health checks; details need beheer.
                        .requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**")).permitAll()
                        .requestMatchers(antMatcher("/actuator/**")).hasAuthority(Roles.BEHEER)
                        // Starting a programme and a municipality joining are the projectleider's.
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/programmas"), antMatcher(HttpMethod.POST, "/api/programmas/*/gemeenten"))
                                .hasAuthority(Roles.PROJECTLEIDER)
                        // The meeting calendars of a running programme are the projectleider's (checked again in the controller).
                        .requestMatchers(antMatcher(HttpMethod.PUT, "/api/programmas/*/vergaderingen")).hasAuthority(Roles.PROJECTLEIDER)
                        // A change of portefeuillehouder (and its audit trail) is the projectleider's and beheer's; the
                        // controller checks that again, with the hand-over's own rules.
                        .requestMatchers(antMatcher("/api/programmas/*/portefeuillehouderwissel"))
                                .hasAnyAuthority(Roles.PROJECTLEIDER, Roles.BEHEER)
                        // Stopping a programme outside the BOSD's feedback moment is beheer's alone (checked again in the controller).
                        .requestMatchers(antMatcher(HttpMethod.POST, "/api/programmas/*/stoppen")).hasAuthority(Roles.BEHEER)
                        .requestMatchers(antMatcher(HttpMethod.GET, "/api/programmas/*/verantwoording/**"))
                                .hasAnyAuthority(Roles.PROJECTLEIDER, Roles.BEHEER)
                        .requestMatchers(antMatcher("/api/demo/**"), antMatcher("/api/beheer/aanmeldingen")).hasAuthority(Roles.BEHEER)
                        // Checks a password outside the login and its throttle: a person could guess a colleague's password.
                        .requestMatchers(antMatcher("/engine-rest/identity/verify")).denyAll()
                        // Second wall behind EngineCommandGuard: engine commands that change cases outside a person's own task.
                        .requestMatchers(EngineDoors.administration(EngineDoors.ENGINE_REST)).hasAnyAuthority(ADMINISTRATORS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(ApiAuthenticationAnswers.REALM).authenticationEntryPoint(answers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(policy -> policy.policyDirectives(API_POLICY)))
                .build();
    }

    /** People in a browser: a Dutch login page, a session, and the webapps behind it. */
    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // Administrators come from configuration; the webapps' "create the first admin" page stays shut.
                        .requestMatchers(antMatcher("/camunda/api/admin/setup/**"), antMatcher("/camunda/app/admin/*/setup/**")).denyAll()
                        // The webapps' own login form checks passwords past LoginThrottle; people log in on /login.
                        .requestMatchers(antMatcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        .requestMatchers(antMatcher("/outbox")).hasAnyAuthority(Roles.PROJECTLEIDER, Roles.BEHEER)
                        // The demo's time is beheer's (the page exists in the demo profile only).
                        .requestMatchers(antMatcher("/demo/**")).hasAuthority(Roles.BEHEER)
                        // The adviser's page to book hours (checked again in the page).
                        .requestMatchers(antMatcher("/dashboard/programma/*/uren")).hasAuthority(Roles.ADVISEUR)
                        // The projectleider's pages of a programme: calendars, joining, money (checked again in the pages).
                        .requestMatchers(antMatcher("/dashboard/programma/*/beheren/**"), antMatcher("/dashboard/programma/*/geld/**"))
                                .hasAuthority(Roles.PROJECTLEIDER)
                        .requestMatchers(antMatcher("/dashboard/programma/*/portefeuillehouder")).hasAnyAuthority(Roles.PROJECTLEIDER, Roles.BEHEER)
                        .requestMatchers(antMatcher("/dashboard/programma/*/stoppen"), antMatcher("/dashboard/aanmeldingen")).hasAuthority(Roles.BEHEER)
                        .requestMatchers(antMatcher("/dashboard/programma/*/verantwoording/**")).hasAnyAuthority(Roles.PROJECTLEIDER, Roles.BEHEER)
                        .requestMatchers(EngineDoors.administration(EngineDoors.WEBAPP_ENGINE)).hasAnyAuthority(ADMINISTRATORS)
                        .requestMatchers(antMatcher("/login"), antMatcher("/css/**"), antMatcher("/favicon.ico"), antMatcher("/error")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/camunda/app/tasklist/", false)
                        .failureHandler(loginFailures())
                        .permitAll())
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(antMatcher(HttpMethod.POST, "/logout"), WEBAPP_LOGOUT))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK), WEBAPP_LOGOUT_PATH)
                        .defaultLogoutSuccessHandlerFor(loggedOutPage(), antMatcher("/logout")))
                .exceptionHandling(exceptions -> exceptions
                        // The webapps' own API calls get a status they understand instead of a login page.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                antMatcher("/camunda/api/**"))
                        .defaultAccessDeniedHandlerFor(new ApiAuthenticationAnswers(), antMatcher("/camunda/api/**")))
                // The webapps protect their API with their own CSRF filter (header X-XSRF-TOKEN).
                .csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/api/**")))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(antMatcher("/camunda/**")), new ContentSecurityPolicyHeaderWriter(OWN_PAGES_POLICY))))
                .build();
    }

    /**
     * Every failed login goes to the same page with the same message (LoginController): an unknown
     * account, a wrong password and a slowed-down account look alike, so nobody learns which exist.
     */
    private static AuthenticationFailureHandler loginFailures() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private static boolean carriesWebappCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static SimpleUrlLogoutSuccessHandler loggedOutPage() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?afgemeld");
        return handler;
    }

    /** Hands the logged-in user (with their Camunda groups) to the engine for each REST call. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("Samenwerken REST authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.setOrder(101);
        return registration;
    }

    /** Logs the Spring Security user into the webapps, before their own authentication filter runs. */
    @Bean
    FilterRegistrationBean<Filter> webappAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Samenwerken webapp authentication");
        registration.addUrlPatterns("/camunda/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(101);
        return registration;
    }
}
