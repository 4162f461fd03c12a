package org.sutahsilat.admin.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sutahsilat.admin.ui.Messages;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the API answers JSON ({@link ApiError}) in the request's language: HTTP errors keep their status
 * (404 unknown path, 405, 415 ...), anything unexpected is a 500 without details (logged here, never sent).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable error) {
        int status;
        String key;
        if (error instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() < 500) {
            status = w.getResponse().getStatus();
            key = status == 404 ? "error.404" : status == 401 || status == 403 ? "error.403" : "error.400";
        } else {
            status = 500;
            key = "error.500";
            LOG.log(Level.SEVERE, "reading API request failed", error);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError("http" + status, Messages.text(ApiLanguage.of(headers), key))).build();
    }
}
