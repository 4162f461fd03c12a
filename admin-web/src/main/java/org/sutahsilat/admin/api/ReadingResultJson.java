package org.sutahsilat.admin.api;

import java.util.List;

/** What became of one posted reading (JSON-B). */
public class ReadingResultJson {

    /** STORED, ALREADY_RECORDED or REJECTED. */
    public String status;
    public String ref;
    public String subscriberNo;
    /** The rule's message key of a refusal (stable, for programs). */
    public String reason;
    /** A sentence in the request's language. */
    public String message;
    public Long index;
    public Long consumption;
    public String kind;
    public List<String> flags;
}
