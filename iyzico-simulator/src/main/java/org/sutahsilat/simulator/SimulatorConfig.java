package org.sutahsilat.simulator;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the simulator.
 *
 * @param apiKey        the merchant API key it accepts (a demo key, never a real one)
 * @param secretKey     the merchant secret key it checks requests with and signs answers with
 * @param sslContext    the server certificate of the HTTPS API (iyzipay-java speaks HTTPS only)
 * @param httpsPort     port of the HTTPS API and hosted page; 0 picks a free one
 * @param pagePort      port of a plain-HTTP copy of the hosted page, so that a browser shows it without a
 *                      certificate warning; 0 picks a free one, -1 serves the page over HTTPS only
 * @param webhookUrl    where to send the webhook after a choice on the hosted page, if anywhere
 * @param webhookDelay  how long after the choice the webhook goes (iyzico: 10–15 s)
 * @param tokenLifetime how long a checkout token is valid (iyzico: 1800 s)
 * @param clock         time source
 */
public record SimulatorConfig(String apiKey, String secretKey, SSLContext sslContext, int httpsPort, int pagePort,
                              Optional<URI> webhookUrl, Duration webhookDelay, Duration tokenLifetime, Clock clock) {

    public SimulatorConfig {
        if (apiKey == null || apiKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("apiKey and secretKey must not be blank");
        }
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookDelay, "webhookDelay");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(clock, "clock");
    }

    /** Free ports, the page also over HTTP, no webhook, iyzico's 1800 s token lifetime. */
    public static SimulatorConfig of(String apiKey, String secretKey, SSLContext sslContext) {
        return new SimulatorConfig(apiKey, secretKey, sslContext, 0, 0, Optional.empty(), Duration.ofSeconds(3),
                Duration.ofSeconds(1800), Clock.systemUTC());
    }

    public SimulatorConfig withPorts(int https, int page) {
        return new SimulatorConfig(apiKey, secretKey, sslContext, https, page, webhookUrl, webhookDelay, tokenLifetime, clock);
    }

    public SimulatorConfig withWebhook(URI url, Duration delay) {
        return new SimulatorConfig(apiKey, secretKey, sslContext, httpsPort, pagePort, Optional.of(url), delay,
                tokenLifetime, clock);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(apiKey, secretKey, sslContext, httpsPort, pagePort, webhookUrl, webhookDelay,
                tokenLifetime, newClock);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "SimulatorConfig[apiKey=" + (apiKey.length() > 8 ? apiKey.substring(0, 8) : "") + "***, secretKey=***"
                + ", httpsPort=" + httpsPort + ", pagePort=" + pagePort + ", webhookUrl=" + webhookUrl.orElse(null) + "]";
    }
}
