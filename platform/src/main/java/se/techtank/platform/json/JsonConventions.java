package se.techtank.platform.json;

import java.time.LocalDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The JSON rules of docs/api-conventions.md for every service: unknown request fields are rejected (a typo
 * must not silently do nothing), null fields are left out, times are ISO-8601 strings, and a local time may
 * also be sent with an offset ({@link StockholmLocalDateTimeDeserializer}).
 */
@Singleton
public class JsonConventions implements ObjectMapperCustomizer {

    /**
     * Last, after Quarkus' own customizer has registered Jackson's time module: of two modules with a
     * deserializer for the same type, the one registered last is used.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new SimpleModule("techtank-times")
                .addDeserializer(LocalDateTime.class, new StockholmLocalDateTimeDeserializer()));
    }
}
