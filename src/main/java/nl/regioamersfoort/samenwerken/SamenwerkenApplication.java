package nl.regioamersfoort.samenwerken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SamenwerkenApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamenwerkenApplication.class, args);
    }
}
