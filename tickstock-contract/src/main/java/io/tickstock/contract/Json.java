package io.tickstock.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON codec both programs use: snake_case field names from record components, nulls kept
 * (the contract shows {@code "recovery": null}), unknown fields ignored on read, numbers read with Jackson's fast
 * double parser; reading refuses text after the value, nesting deeper than {@value #MAX_DEPTH}, numbers of more than
 * 100 digits and strings of more than 4 million characters. Thread-safe.
 */
public final class Json {
    private Json() {}

    /** Deepest nesting of objects and arrays read (the contract's messages nest at most 5 levels). */
    public static final int MAX_DEPTH = 32;

    /** The shared mapper; configured once, safe to use from any thread. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // hostile input stays cheap: no message of the contract nests deeper than a few levels
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(100)
                            .maxStringLength(4_000_000)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // the same doubles as Double.parseDouble, parsed faster (the app reads every value)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Writes a value as compact JSON text. @throws IllegalArgumentException if it cannot be serialized */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads JSON text into a tree. @throws IllegalArgumentException naming the parse error */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
