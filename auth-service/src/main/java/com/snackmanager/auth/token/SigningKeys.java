package com.snackmanager.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA key tokens are signed with, identified by its RFC 7638 thumbprint ({@code kid}), and the
 * public keys published as a JSON Web Key Set. The set is a list so that a retiring key can stay
 * published (verifying the tokens it signed) while a new one signs.
 */
public final class SigningKeys {

  static final int MIN_BITS = 2048;
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final Pattern ANY_KEY =
      Pattern.compile(
          "-----BEGIN (PUBLIC|PRIVATE) KEY-----([A-Za-z0-9+/=\\s]+)-----END (?:PUBLIC|PRIVATE) KEY-----");

  private final RSAKey signing;
  private final List<RSAKey> published;

  private SigningKeys(RSAKey signing, List<RSAKey> published) {
    this.signing = signing;
    this.published = List.copyOf(published);
  }

  /** Keys from an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public static SigningKeys fromPem(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "The JWT signing key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with"
              + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
    }
    Matcher matcher = PKCS8.matcher(pem);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "The JWT signing key must be an unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
    }
    RSAPrivateCrtKey privateKey = parsePkcs8(matcher.group(1));
    try {
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      return of(new KeyPair(publicKey, privateKey));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot derive the JWT signing key's public key", e);
    }
  }

  private static RSAPrivateCrtKey parsePkcs8(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
          instanceof RSAPrivateCrtKey key) {
        return key;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The JWT signing key is not a readable RSA PKCS#8 key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("The JWT signing key lacks its RSA CRT parameters");
  }

  /** A fresh 2048-bit key (development only: tokens it signs die with the process). */
  public static SigningKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(MIN_BITS);
      return of(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  static SigningKeys of(KeyPair pair) {
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    checkSize(publicKey);
    try {
      RSAKey key =
          new RSAKey.Builder(publicKey)
              .privateKey(pair.getPrivate())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint()
              .build();
      return new SigningKeys(key, List.of(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the key's thumbprint", e);
    }
  }

  /**
   * These keys, also publishing (and verifying with) the public keys in {@code pem}: one or more
   * {@code -----BEGIN PUBLIC KEY-----} (X.509) or {@code -----BEGIN PRIVATE KEY-----} (PKCS#8, only
   * its public part is kept) blocks. This is how a key is rotated: the next key is published before
   * it signs, and the previous one stays published after, so that no token is refused on the way.
   */
  public SigningKeys withPublished(String pem) {
    List<RSAKey> keys = new ArrayList<>(published);
    Matcher matcher = ANY_KEY.matcher(pem);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "The published JWT keys must be PEM blocks (-----BEGIN PUBLIC KEY----- or"
              + " -----BEGIN PRIVATE KEY-----)");
    }
    do {
      RSAPublicKey publicKey =
          "PUBLIC".equals(matcher.group(1))
              ? parseX509(matcher.group(2))
              : publicPart(parsePkcs8(matcher.group(2)));
      RSAKey key = publicJwk(publicKey);
      if (keys.stream().noneMatch(known -> known.getKeyID().equals(key.getKeyID()))) {
        keys.add(key);
      }
    } while (matcher.find());
    return new SigningKeys(signing, keys);
  }

  /** Every published key (the signing key first), public parts only. */
  public List<RSAKey> verificationKeys() {
    return published.stream().map(RSAKey::toPublicJWK).toList();
  }

  private static RSAPublicKey parseX509(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))
          instanceof RSAPublicKey key) {
        return key;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "A published JWT key is not a readable RSA public key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("A published JWT key is not an RSA key");
  }

  private static RSAPublicKey publicPart(RSAPrivateCrtKey privateKey) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot derive the JWT key's public key", e);
    }
  }

  private static RSAKey publicJwk(RSAPublicKey publicKey) {
    checkSize(publicKey);
    try {
      return new RSAKey.Builder(publicKey)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint()
          .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the key's thumbprint", e);
    }
  }

  private static void checkSize(RSAPublicKey publicKey) {
    if (publicKey.getModulus().bitLength() < MIN_BITS) {
      throw new IllegalArgumentException(
          "The JWT signing key has "
              + publicKey.getModulus().bitLength()
              + " bits; at least "
              + MIN_BITS
              + " are required");
    }
  }

  /** The key new tokens are signed with (private part included). */
  public RSAKey signingKey() {
    return signing;
  }

  public String keyId() {
    return signing.getKeyID();
  }

  public RSAPublicKey publicKey() {
    try {
      return signing.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A published key by its {@code kid}, for verifying a token this service signed. */
  public Optional<RSAKey> verificationKey(String keyId) {
    return published.stream().filter(key -> key.getKeyID().equals(keyId)).findFirst();
  }

  /** The public JSON Web Key Set: {@code {"keys": [...]}}, private parts never included. */
  public Map<String, Object> jwks() {
    return new JWKSet(published.stream().<JWK>map(key -> key).toList())
        .toPublicJWKSet()
        .toJSONObject(true);
  }
}
