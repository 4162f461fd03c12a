package org.sutahsilat.admin.api;

import java.util.List;

/** The answer to a POST of readings: one result per reading, in the order posted (JSON-B). */
public class ReadingResultsJson {

    public int stored;
    public int alreadyRecorded;
    public int rejected;
    public List<ReadingResultJson> results;
}
