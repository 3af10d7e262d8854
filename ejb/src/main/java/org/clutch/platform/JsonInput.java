package org.clutch.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every JSON document people and systems send the platform passes before it is bound (REST bodies,
 * partners' messages), in one place: every string keeps the text rule ({@link TextInput}), and every number bound to a
 * whole-number field is whole and in range. JSON-B alone would store a quantity of 2.5 as 2.
 */
public final class JsonInput {

    private JsonInput() {
    }

    /**
     * A field error for every value of {@code json} that breaks a rule when read as {@code target}, named by its path
     * as clients know it ({@code vehicle.make}, {@code lines[0].quantity}). A document that is not JSON has none:
     * binding it will say why.
     */
    public static List<InvalidInputException.FieldError> problems(String json, Type target) {
        JsonValue document;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            document = reader.readValue();
        } catch (JsonException e) {
            return List.of();
        }
        List<InvalidInputException.FieldError> problems = new ArrayList<>();
        check(document, target, "", problems);
        return problems;
    }

    private static void check(JsonValue value, Type type, String path, List<InvalidInputException.FieldError> problems) {
        switch (value.getValueType()) {
            case STRING -> {
                String problem = TextInput.problem(((JsonString) value).getString());
                if (problem != null) {
                    problems.add(new InvalidInputException.FieldError(name(path), problem));
                }
            }
            case NUMBER -> {
                String problem = wholeNumberProblem(((JsonNumber) value).bigDecimalValue(), type);
                if (problem != null) {
                    problems.add(new InvalidInputException.FieldError(name(path), problem));
                }
            }
            case OBJECT -> ((JsonObject) value).forEach((key, member) -> {
                String field = path.isEmpty() ? key : path + "." + key;
                String problem = TextInput.problem(key);
                if (problem != null) {
                    problems.add(new InvalidInputException.FieldError(field, problem));
                }
                check(member, memberType(type, key), field, problems);
            });
            case ARRAY -> {
                JsonArray items = (JsonArray) value;
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), elementType(type), path + "[" + i + "]", problems);
                }
            }
            default -> {
                // true, false, null: nothing to check
            }
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }

    /** Why the number cannot be the whole-number type, or null when it can (or the type is not a whole number). */
    private static String wholeNumberProblem(BigDecimal number, Type type) {
        BigInteger min;
        BigInteger max;
        if (type == Integer.class || type == int.class) {
            min = BigInteger.valueOf(Integer.MIN_VALUE);
            max = BigInteger.valueOf(Integer.MAX_VALUE);
        } else if (type == Long.class || type == long.class) {
            min = BigInteger.valueOf(Long.MIN_VALUE);
            max = BigInteger.valueOf(Long.MAX_VALUE);
        } else if (type == Short.class || type == short.class) {
            min = BigInteger.valueOf(Short.MIN_VALUE);
            max = BigInteger.valueOf(Short.MAX_VALUE);
        } else {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            return "must be a whole number";
        }
        BigInteger whole = number.toBigIntegerExact();
        return whole.compareTo(min) < 0 || whole.compareTo(max) > 0 ? "must be a whole number from " + min + " to " + max : null;
    }

    /** Each record's components by name, looked up once per class (reflection on every member of a large body costs). */
    private static final ClassValue<Map<String, Type>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
            Map<String, Type> components = new HashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                components.put(component.getName(), component.getGenericType());
            }
            return components;
        }
    };

    /** The declared type of a record's component or a map's value; Object where nothing is declared. */
    private static Type memberType(Type type, String key) {
        Class<?> raw = raw(type);
        if (raw != null && raw.isRecord()) {
            return COMPONENTS.get(raw).getOrDefault(key, Object.class);
        } else if (raw != null && Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType map) {
            return map.getActualTypeArguments()[1];
        }
        return Object.class;
    }

    /** The declared type of an array's or a collection's elements; Object where nothing is declared. */
    private static Type elementType(Type type) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        Class<?> raw = raw(type);
        if (raw != null && raw.isArray()) {
            return raw.getComponentType();
        }
        if (raw != null && Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType collection) {
            return collection.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
