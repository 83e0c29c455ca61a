package nl.regioamersfoort.barecamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;

/**
 * The start-up benchmark's baseline: a Camunda 7.24 Spring Boot application with the webapp and
 * REST starters and nothing of its own, started as its own JVM from the test classpath (see
 * StartupBenchmark). The test classpath holds everything Samenwerken uses, so what a bare starter
 * project would not have is switched off here: security, JPA, Flyway (it would run Samenwerken's
 * migrations), Thymeleaf, mail. Run with {@code --spring.config.name=bare-camunda} so that
 * Samenwerken's application.yaml is not read either.
 *
 * <p>Deliberately outside {@code nl.regioamersfoort.samenwerken}: Samenwerken scans its whole
 * package tree, and in tests that includes test classes, so a second application class there would
 * be picked up as configuration by every Samenwerken test context.
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
        JpaRepositoriesAutoConfiguration.class, FlywayAutoConfiguration.class, ThymeleafAutoConfiguration.class,
        MailSenderAutoConfiguration.class})
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
