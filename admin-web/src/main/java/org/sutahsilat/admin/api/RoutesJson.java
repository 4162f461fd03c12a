package org.sutahsilat.admin.api;

import java.util.List;

/** The routes of the device's institution (JSON-B). */
public class RoutesJson {

    public long institutionId;
    public String period;
    public List<String> routes;
}
