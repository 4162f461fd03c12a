package org.sutahsilat.domain.subscriber;

public enum SubscriberStatus {
    ACTIVE,
    SUSPENDED,
    SHUT_OFF,
    CLOSED
}
