package org.clutch.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/** One part the customer asks for. No price: prices come from the shops' quotes. */
@Entity
@Table(name = "parts_request_line")
public class RequestLine {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private PartsRequest request;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(nullable = false)
    private String name;

    @Column(name = "part_number")
    private String partNumber;

    @Column(nullable = false)
    private int quantity;

    private String notes;

    protected RequestLine() {
    }

    RequestLine(PartsRequest request, int lineNo, String name, String partNumber, int quantity, String notes) {
        this.id = UUID.randomUUID();
        this.request = request;
        this.lineNo = lineNo;
        this.name = name.strip();
        this.partNumber = partNumber == null || partNumber.isBlank() ? null : partNumber.strip();
        this.quantity = quantity;
        this.notes = notes;
    }

    public UUID id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public String name() {
        return name;
    }

    public String partNumber() {
        return partNumber;
    }

    public int quantity() {
        return quantity;
    }

    public String notes() {
        return notes;
    }
}
