package io.tickstock.app.web;

import io.tickstock.app.AppConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the app: the PEM certificate chain and private key of {@code --tls-cert}/{@code --tls-key} (PKCS#8, or the
 * PKCS#1 / SEC1 forms {@code openssl} writes; read with BouncyCastle) in an in-memory key store, served by one Jetty
 * TLS connector that takes the place of the plain HTTP one.
 */
public final class Tls {
    private Tls() {}

    /**
     * The HTTPS connector on {@code host:port}.
     *
     * @throws IllegalArgumentException naming the file when a certificate or key cannot be read
     */
    public static Connector connector(
            Server server, HttpConfiguration http, AppConfig.Tls files, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = randomPassword();
        ssl.setKeyStore(keyStore(files, password));
        ssl.setKeyStorePassword(new String(password));
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    static KeyStore keyStore(AppConfig.Tls files, char[] password) {
        Certificate[] chain;
        try (InputStream in = Files.newInputStream(files.certificate())) {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)
                    .toArray(new Certificate[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the TLS certificate " + files.certificate() + " (PEM expected): " + e.getMessage(), e);
        }
        if (chain.length == 0)
            throw new IllegalArgumentException("no certificate in " + files.certificate() + " (PEM expected)");
        PrivateKey key = privateKey(files);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tickstock", key, password, chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the TLS key " + files.key() + " does not fit the certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(AppConfig.Tls files) {
        try (Reader in = Files.newBufferedReader(files.key(), StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(in)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
            if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            throw new IllegalArgumentException("no unencrypted private key in " + files.key() + " (PEM expected)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS key " + files.key() + ": " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).toCharArray();
    }
}
