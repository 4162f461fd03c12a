package org.sutahsilat.admin.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sutahsilat.admin.ui.Messages;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/readings}: one reading (an object), a batch (an array, or {@code {"readings": [...]}}) → one
 * result per reading, each recorded in its own transaction through {@link ReadingPoster}.
 */
@Path("readings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReadingsResource {

    /** The most readings one request may carry (a route of a village is a few hundred). */
    static final int MAX_BATCH = 1000;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    ReadingPoster poster;
    @Inject
    DeviceRequest request;
    @Context
    HttpHeaders headers;

    @POST
    public Response post(String body) {
        Locale locale = ApiLanguage.of(headers);
        List<ReadingJson> readings;
        try {
            readings = parse(body);
        } catch (JsonException | JsonbException | IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiError("badJson", Messages.text(locale, "api.badJson"))).build();
        }
        if (readings.isEmpty() || readings.size() > MAX_BATCH) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiError("batchSize", Messages.text(locale, "api.batchSize", MAX_BATCH))).build();
        }
        ReadingResultsJson answer = new ReadingResultsJson();
        answer.results = new ArrayList<>(readings.size());
        for (ReadingJson r : readings) {
            ReadingResultJson result = poster.post(request.device(), r, locale);
            switch (result.status) {
                case ReadingPoster.STORED -> answer.stored++;
                case ReadingPoster.ALREADY_RECORDED -> answer.alreadyRecorded++;
                default -> answer.rejected++;
            }
            answer.results.add(result);
        }
        return Response.ok(answer).build();
    }

    static List<ReadingJson> parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty body");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        }
        List<JsonValue> items;
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            items = value.asJsonArray();
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT && value.asJsonObject().containsKey("readings")) {
            JsonValue list = value.asJsonObject().get("readings");
            if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new IllegalArgumentException("readings is not an array");
            }
            items = list.asJsonArray();
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            items = List.of(value);
        } else {
            throw new IllegalArgumentException("neither an object nor an array");
        }
        List<ReadingJson> readings = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("a reading is not an object");
            }
            readings.add(JSONB.fromJson(item.toString(), ReadingJson.class));
        }
        return readings;
    }
}
