package org.sutahsilat.admin.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sutahsilat.admin.ui.Messages;
import org.sutahsilat.domain.device.DeviceIdentity;
import org.sutahsilat.domain.meter.ReadingRouteService;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** {@code GET /api/v1/routes} and {@code GET /api/v1/routes/{code}}: the device's institution's reading routes. */
@Path("routes")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class RouteResource {

    static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

    @Inject
    ReadingRouteService routes;
    @Inject
    DeviceRequest request;
    @Inject
    Clock clock;
    @Context
    HttpHeaders headers;

    @GET
    public Response list(@QueryParam("period") String period) {
        DeviceIdentity device = request.device();
        BillingPeriod p = period(period);
        if (p == null) {
            return badPeriod();
        }
        RoutesJson json = new RoutesJson();
        json.institutionId = device.institutionId();
        json.period = p.toString();
        json.routes = routes.routeCodes(device.institutionId());
        return Response.ok(json).build();
    }

    @GET
    @Path("{code}")
    public Response route(@PathParam("code") String code, @QueryParam("period") String period) {
        DeviceIdentity device = request.device();
        BillingPeriod p = period(period);
        if (p == null) {
            return badPeriod();
        }
        if (!routes.routeCodes(device.institutionId()).contains(code)) {
            return Response.status(Response.Status.NOT_FOUND).entity(new ApiError("unknownRoute",
                    Messages.text(ApiLanguage.of(headers), "api.unknownRoute", code))).build();
        }
        RouteJson json = new RouteJson();
        json.route = code;
        json.period = p.toString();
        json.stops = routes.stops(device.institutionId(), code, p).stream().map(RouteStopJson::of).toList();
        return Response.ok(json).build();
    }

    /** The period asked for, this month (Turkish time) when absent, {@code null} when malformed. */
    private BillingPeriod period(String text) {
        if (text == null || text.isBlank()) {
            return BillingPeriod.containing(LocalDate.now(clock.withZone(TURKEY)));
        }
        try {
            return BillingPeriod.parse(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Response badPeriod() {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError("badPeriod",
                Messages.text(ApiLanguage.of(headers), "error.period.invalid"))).build();
    }
}
