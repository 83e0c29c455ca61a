package nl.regioamersfoort.samenwerken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SamenwerkenApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamenwerkenApplication.class, args);
    }
}
