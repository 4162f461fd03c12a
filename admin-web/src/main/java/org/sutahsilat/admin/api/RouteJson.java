package org.sutahsilat.admin.api;

import java.util.List;

/** A route and its subscribers in route order (JSON-B). */
public class RouteJson {

    public String route;
    public String period;
    public List<RouteStopJson> stops;
}
