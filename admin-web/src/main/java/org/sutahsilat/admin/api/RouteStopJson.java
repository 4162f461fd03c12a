package org.sutahsilat.admin.api;

import org.sutahsilat.domain.meter.RouteStop;

/** One subscriber of a route in the API (JSON-B). */
public class RouteStopJson {

    public Integer order;
    public String subscriberNo;
    public String name;
    public String address;
    public String status;
    public String meterSerial;
    public Long previousIndex;
    public String previousDate;
    public Long lastConsumption;
    public Long readIndex;
    public Long readConsumption;

    static RouteStopJson of(RouteStop s) {
        RouteStopJson j = new RouteStopJson();
        j.order = s.routeOrder();
        j.subscriberNo = s.subscriberNo();
        j.name = s.maskedName();
        j.address = s.address();
        j.status = s.status().name();
        j.meterSerial = s.meterSerial();
        j.previousIndex = s.previousIndex();
        j.previousDate = s.previousDate() == null ? null : s.previousDate().toString();
        j.lastConsumption = s.lastConsumption();
        j.readIndex = s.readIndex();
        j.readConsumption = s.readConsumption();
        return j;
    }
}
