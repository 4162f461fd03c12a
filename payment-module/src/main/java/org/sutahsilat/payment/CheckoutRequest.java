package org.sutahsilat.payment;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open a checkout. The basket total (iyzico's {@code price} and
 * {@code paidPrice}) is not a field: it is always {@link #totalKurus() the sum of the items}, so the
 * basket cannot disagree with the total (iyzico error 5062). Currency is TRY.
 *
 * @param conversationId our payment attempt id
 * @param basketId       our reference for what is being paid
 * @param callbackUrl    where the gateway posts the token when the subscriber has finished (https)
 * @param buyer          the paying subscriber
 * @param items          at least one item, each with a positive amount
 */
public record CheckoutRequest(String conversationId,
                              String basketId,
                              String callbackUrl,
                              Buyer buyer,
                              List<BasketItem> items) {

    public CheckoutRequest {
        requireText(conversationId, "conversationId");
        requireText(basketId, "basketId");
        requireText(callbackUrl, "callbackUrl");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items); // also rejects null elements
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items must not be empty");
        }
        sum(items); // fails early on overflow
    }

    /** The basket total in kuruş: the exact sum of the items. */
    public long totalKurus() {
        return sum(items);
    }

    private static long sum(List<BasketItem> items) {
        long total = 0;
        for (BasketItem item : items) {
            total = Math.addExact(total, item.amountKurus());
        }
        return total;
    }

    /**
     * The paying subscriber, as iyzico requires it.
     *
     * @param id             our id of the subscriber
     * @param identityNumber TCKN (11 digits); personal data, never logged nor printed by {@link #toString()}
     * @param address        registration/billing address line
     * @param ip             the subscriber's IP address as seen by our server
     */
    public record Buyer(String id,
                        String name,
                        String surname,
                        String gsmNumber,
                        String email,
                        String identityNumber,
                        String address,
                        String city,
                        String country,
                        String ip) {

        public Buyer {
            requireText(id, "buyer.id");
            requireText(name, "buyer.name");
            requireText(surname, "buyer.surname");
            requireText(email, "buyer.email");
            requireText(identityNumber, "buyer.identityNumber");
            requireText(address, "buyer.address");
            requireText(city, "buyer.city");
            requireText(country, "buyer.country");
            requireText(ip, "buyer.ip");
        }

        /** Only the id: the rest is personal data (KVKK). */
        @Override
        public String toString() {
            return "Buyer[id=" + id + ", personal data omitted]";
        }
    }

    /**
     * One line of the basket.
     *
     * @param amountKurus the item's amount in kuruş, positive
     */
    public record BasketItem(String id, String name, String category, long amountKurus) {

        public BasketItem {
            requireText(id, "item.id");
            requireText(name, "item.name");
            requireText(category, "item.category");
            if (amountKurus <= 0) {
                throw new IllegalArgumentException("item.amountKurus must be positive: " + amountKurus);
            }
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
