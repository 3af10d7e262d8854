package org.clutch.tenancy;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** A document a shop uploaded for its verification. The content is loaded only when someone downloads it. */
@Entity
@Table(name = "shop_document")
public class ShopDocument {

    public enum Kind { BUSINESS_REGISTRATION, TAX_CERTIFICATE, TRADING_LICENCE, OWNER_ID, OTHER }

    /** Scans and photos of papers: what a verifier can open in a browser. */
    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A document's bytes with what a download needs, read within the transaction (the content is lazy). */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "shop_id", nullable = false)
    private UUID shopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private UUID uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected ShopDocument() {
    }

    public ShopDocument(Shop shop, Kind kind, String fileName, String contentType, byte[] content, UUID uploadedBy, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.tenantId = shop.tenantId();
        this.shopId = shop.id();
        this.kind = kind;
        this.fileName = fileName.strip();
        this.contentType = contentType;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = sha256(content);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID shopId() {
        return shopId;
    }

    public Kind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Download download() {
        return new Download(fileName, contentType, content.clone());
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
