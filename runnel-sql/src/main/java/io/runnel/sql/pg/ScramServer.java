package io.runnel.sql.pg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's side of SCRAM-SHA-256 (RFC 5802 and RFC 7677, as PostgreSQL uses it: no channel binding, the user
 * name taken from the startup message): the server-first message with a salt and a nonce, then the check of the
 * client's proof and the server's signature for the client to check.
 */
final class ScramServer {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] saltedPassword;
    private final byte[] salt = new byte[16];
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    ScramServer(String password) {
        RANDOM.nextBytes(salt);
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            saltedPassword = f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("SCRAM-SHA-256 needs PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        }
    }

    /** Takes the client-first message ({@code n,,n=user,r=nonce}); returns the server-first message. */
    String first(String clientFirst) {
        if (!clientFirst.startsWith("n,") && !clientFirst.startsWith("y,")) {
            throw new PgError("28000", "SCRAM: channel binding is not supported", true);
        }
        int bare = clientFirst.indexOf(',', 2);
        clientFirstBare = clientFirst.substring(bare + 1);
        String clientNonce = attributes(clientFirstBare).get("r");
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw new PgError("08P01", "SCRAM: the client's first message has no nonce", true);
        }
        byte[] mine = new byte[18];
        RANDOM.nextBytes(mine);
        nonce = clientNonce + Base64.getEncoder().encodeToString(mine);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        return serverFirst;
    }

    /** Checks the client-final message's proof; returns the server-final message, or throws 28P01. */
    String last(String clientFinal, String user) {
        int p = clientFinal.lastIndexOf(",p=");
        if (p < 0) {
            throw new PgError("08P01", "SCRAM: the client's final message has no proof", true);
        }
        String withoutProof = clientFinal.substring(0, p);
        Map<String, String> a = attributes(clientFinal);
        if (!nonce.equals(a.get("r"))) {
            throw new PgError("28P01", "password authentication failed for user \"" + user + "\"", true);
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(a.get("p"));
        } catch (IllegalArgumentException e) {
            throw new PgError("08P01", "SCRAM: the proof is not base64", true);
        }
        if (proof.length != signature.length) {
            throw new PgError("28P01", "password authentication failed for user \"" + user + "\"", true);
        }
        byte[] claimedKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            claimedKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        if (!MessageDigest.isEqual(sha256(claimedKey), storedKey)) {
            throw new PgError("28P01", "password authentication failed for user \"" + user + "\"", true);
        }
        return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> out = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(1) == '=') {
                out.put(part.substring(0, 1), part.substring(2));
            }
        }
        return out;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
