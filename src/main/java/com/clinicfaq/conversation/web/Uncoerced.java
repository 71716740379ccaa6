package com.clinicfaq.conversation.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Field readers for {@link Inbound} that take a value of their own JSON type only, and read anything else (a
 * number for a string, {@code "true"} for a boolean, {@code 1.0} or a number beyond an int for an int, an object,
 * an array) as absent: {@code null}, as JSON {@code null} and a missing field are. Jackson on its own would convert
 * such values; the protocol refuses them instead.
 */
final class Uncoerced {

    private Uncoerced() {}

    static final class Text extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : absent(parser);
        }
    }

    static final class Int extends ValueDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() == JsonParser.NumberType.INT
                    ? parser.getIntValue()
                    : absent(parser);
        }
    }

    static final class Bool extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> absent(parser);
            };
        }
    }

    private static <T> T absent(JsonParser parser) {
        parser.skipChildren();
        return null;
    }
}
