package org.sutahsilat.portal.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindTest {

    @Test
    void anExpiredViewAnywhereInTheCauseChainIsExpired() {
        Throwable wrapped = new ServletException(new FacesException(new ViewExpiredException("gone", "/index.xhtml")));
        assertThat(ErrorKind.of(500, wrapped)).isEqualTo(ErrorKind.EXPIRED);
    }

    @Test
    void missingPagesAreNotFound() {
        assertThat(ErrorKind.of(404, null)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(ErrorKind.of(404, null).messageKey()).isEqualTo("error.notFound");
    }

    @Test
    void everythingElseIsGeneral() {
        assertThat(ErrorKind.of(500, new IllegalStateException("database down"))).isEqualTo(ErrorKind.GENERAL);
        assertThat(ErrorKind.of(null, null)).isEqualTo(ErrorKind.GENERAL);
        assertThat(ErrorKind.of("not a number", "not a throwable")).isEqualTo(ErrorKind.GENERAL);
    }
}
