package org.sutahsilat.admin.api;

/** The JSON body of a refused API request: a stable code and a sentence in the request's language. */
public class ApiError {

    public String error;
    public String message;

    public ApiError() {
    }

    public ApiError(String error, String message) {
        this.error = error;
        this.message = message;
    }
}
