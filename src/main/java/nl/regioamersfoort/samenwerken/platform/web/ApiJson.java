package nl.regioamersfoort.samenwerken.platform.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the Samenwerken API reads JSON: strictly. Unknown fields are refused (application.yaml), and a
 * number or true/false where text belongs is a wrong type, not text: {"naam": 123} would otherwise
 * start a programme called "123". Fields that take amounts as number or text are typed Object.
 */
@Configuration
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noNumbersAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
