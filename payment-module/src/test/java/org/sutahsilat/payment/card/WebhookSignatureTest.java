package org.sutahsilat.payment.card;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "sandbox-secret-for-webhook-tests";
    private static final WebhookSignature.Fields FIELDS = new WebhookSignature.Fields("CHECKOUT_FORM_AUTH",
            "22483975", "e828c62d-fd12-4b1a-ad5a-380f15fe6596", "123", "SUCCESS");

    @Test
    void theSignatureIsHmacSha256OfTheSecretAndTheFieldsConcatenated() throws Exception {
        // computed here independently: key = secret, data = secret + eventType + paymentId + token + conversation + status
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((SECRET + "CHECKOUT_FORM_AUTH22483975"
                + "e828c62d-fd12-4b1a-ad5a-380f15fe6596123SUCCESS").getBytes(StandardCharsets.UTF_8)));

        WebhookSignature signature = new WebhookSignature(SECRET);

        assertThat(signature.sign(FIELDS)).isEqualTo(expected).hasSize(64);
        assertThat(signature.verify(FIELDS, expected)).isTrue();
        assertThat(signature.verify(FIELDS, expected.toUpperCase())).as("hex case does not matter").isTrue();
    }

    @Test
    void aMissingWrongOrOtherKeysSignatureIsRefused() {
        WebhookSignature signature = new WebhookSignature(SECRET);
        String good = signature.sign(FIELDS);

        assertThat(signature.verify(FIELDS, null)).isFalse();
        assertThat(signature.verify(FIELDS, "")).isFalse();
        assertThat(signature.verify(FIELDS, good.substring(1) + "0")).isFalse();
        assertThat(new WebhookSignature("another-merchant").verify(FIELDS, good)).isFalse();
        assertThat(signature.verify(new WebhookSignature.Fields("CHECKOUT_FORM_AUTH", "22483975",
                "e828c62d-fd12-4b1a-ad5a-380f15fe6596", "123", "FAILURE"), good))
                .as("a changed status breaks the signature").isFalse();
        assertThat(signature.toString()).doesNotContain(SECRET);
    }
}
