package org.clutch.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.Destinations;
import org.clutch.jms.PartnerMessages;

/**
 * Partners on the broker, measured as a partner's system sees it (with the partner's own account): (l) a supplier's
 * catalog feed of many items in batches, from the first send to the answer to the last batch, over Artemis core JMS,
 * and (l2) the same over AMQP 1.0 (qpid-jms), where a batch of 10,000 items is a message of several megabytes; (m) a
 * fleet partner's parts request to its answer and to the first quote it hears, quoted automatically by a shop with the
 * parts on its synced shelf, and (m2) the same over AMQP.
 */
final class PartnerBenchmark {

    /** The benchmark's backend: its database (as the platform) and its broker's URL. */
    interface Backend {
        Connection db() throws SQLException;
    }

    private static final String PASSWORD = "bench-partner-secret";
    /** Items per feed message (-DfeedBatch); the contract takes up to 10,000. */
    private static final int ITEMS_PER_BATCH = Integer.getInteger("feedBatch", 10_000);

    private final Backend backend;
    private final String brokerUrl;
    private final String amqpUrl;
    private final Consumer<String> line;

    PartnerBenchmark(Backend backend, String brokerUrl, String amqpUrl, Consumer<String> line) {
        this.backend = backend;
        this.brokerUrl = brokerUrl;
        this.amqpUrl = amqpUrl;
        this.line = line;
    }

    void catalogFeed(int items, boolean overAmqp) throws Exception {
        UUID supplier = partner(overAmqp ? "Bench AMQP Supplier" : "Bench Supplier");
        try (JMSContext jms = overAmqp ? connectOverAmqp(supplier) : connect(supplier); JMSConsumer answers = jms.createConsumer(jms.createQueue(Destinations.partnerOutbound(supplier)))) {
            Queue inbound = jms.createQueue(Destinations.PARTNER_INBOUND);
            int batches = (items + ITEMS_PER_BATCH - 1) / ITEMS_PER_BATCH;
            List<String> bodies = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                bodies.add(feedBatch("bench-full", b + 1, b == batches - 1, b * ITEMS_PER_BATCH, Math.min(items, (b + 1) * ITEMS_PER_BATCH)));
            }
            long started = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                jms.createProducer().send(inbound, message(jms, PartnerMessages.CATALOG_FEED, "feed-" + b, bodies.get(b)));
            }
            long sent = System.nanoTime();
            int answered = 0;
            while (answered < batches) {
                Message m = answers.receive(120_000);
                if (m == null) {
                    throw new IllegalStateException("only " + answered + " of " + batches + " batches answered");
                }
                if (!PartnerMessages.CATALOG_FEED_APPLIED.equals(m.getStringProperty(PartnerMessages.TYPE))) {
                    throw new IllegalStateException("unexpected answer " + m.getStringProperty(PartnerMessages.TYPE));
                }
                answered++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored;
            try (Connection c = backend.db(); PreparedStatement count = c.prepareStatement(
                    "SELECT count(*) FROM supplier_part WHERE tenant_id = ?")) {
                count.setObject(1, supplier);
                var rows = count.executeQuery();
                rows.next();
                stored = rows.getLong(1);
            }
            line.accept(String.format("(l%s) supplier catalog feed over %s: %,d items (each with 2 fitments, 3 attributes, 2 interchange "
                    + "numbers) in %d batches of %,d (%,d KiB each), sent in %.2f s, every batch applied and answered after %.2f s: "
                    + "%,.0f items/s (%,d in the catalog)", overAmqp ? "2" : "", overAmqp ? "AMQP" : "core", items, batches,
                    ITEMS_PER_BATCH, bodies.get(0).length() / 1024, (sent - started) / 1e9, seconds, items / seconds, stored));
        }
    }

    void requestToFirstAutomaticQuote(int requests, boolean overAmqp) throws Exception {
        UUID fleet = partner(overAmqp ? "Bench AMQP Fleet" : "Bench Fleet");
        String make = overAmqp ? "BENCHAMQPFLEET" : "BENCHFLEET";
        autoQuotingShop(make);
        List<Long> answered = new ArrayList<>();
        List<Long> quoted = new ArrayList<>();
        try (JMSContext jms = overAmqp ? connectOverAmqp(fleet) : connect(fleet);
             JMSConsumer events = jms.createConsumer(jms.createQueue(Destinations.partnerOutbound(fleet)))) {
            Queue inbound = jms.createQueue(Destinations.PARTNER_INBOUND);
            for (int i = 0; i < requests + 10; i++) {
                String id = "req-" + i;
                long started = System.nanoTime();
                long submitted = 0;
                jms.createProducer().send(inbound, message(jms, PartnerMessages.SUBMIT_PARTS_REQUEST, id, request(make)));
                while (true) {
                    Message m = events.receive(10_000);
                    if (m == null) {
                        throw new IllegalStateException("no quote for request " + i);
                    }
                    String type = m.getStringProperty(PartnerMessages.TYPE);
                    if (PartnerMessages.PARTS_REQUEST_SUBMITTED.equals(type) && id.equals(m.getJMSCorrelationID())) {
                        submitted = System.nanoTime();
                    }
                    if (PartnerMessages.QUOTE_CHANGED.equals(type) && id.equals(m.getJMSCorrelationID())) {
                        break;
                    }
                }
                if (i >= 10) { // the first ones warm the path up
                    answered.add(submitted - started);
                    quoted.add(System.nanoTime() - started);
                }
            }
        }
        String over = overAmqp ? "AMQP" : "core";
        line.accept(String.format("(m%s) fleet partner's parts request -> parts-request.submitted heard over %s, %d requests one at "
                + "a time: %s", overAmqp ? "2" : "", over, answered.size(), percentiles(answered)));
        line.accept(String.format("(m%s) fleet partner's parts request -> first quote heard over %s (automatic, from a shop's synced "
                + "shelf): %s", overAmqp ? "2" : "", over, percentiles(quoted)));
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private UUID partner(String name) throws SQLException {
        UUID tenant = UUID.randomUUID();
        execute("INSERT INTO tenant (id, kind, name, legal_name, currency, partner_roles) VALUES (?, 'PARTNER', ?, ?, 'KES', 'BUYER,SUPPLIER')",
                tenant, name, name + " Ltd");
        execute("INSERT INTO broker_account (username, tenant_id, shop_id, secret_sha256, issued_at, issued_by) VALUES (?, ?, NULL, ?, now(), ?)",
                BrokerAccountNames.partnerUser(tenant), tenant, BrokerAccountNames.secretHash(PASSWORD), UUID.randomUUID());
        return tenant;
    }

    /** A shop that quotes automatically, with the two requested part numbers on its synced shelf. */
    private void autoQuotingShop(String make) throws SQLException {
        UUID tenant = UUID.randomUUID();
        UUID shop = UUID.randomUUID();
        execute("INSERT INTO tenant (id, name, legal_name, currency) VALUES (?, 'Bench Auto Quotes', 'Bench Auto Quotes Ltd', 'KES')", tenant);
        execute("INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km, pricing_strategy, "
                + "pricing_percent, auto_quote) VALUES (?, ?, 'Bench Auto Quotes', 'ACTIVE', -1.2864, 36.8172, 'Bench road', 25, 'LIST_MINUS', 0, true)",
                shop, tenant);
        execute("INSERT INTO shop_make (shop_id, make) VALUES (?, ?)", shop, make);
        for (String number : List.of("BQ-1", "BQ-2")) {
            UUID part = UUID.randomUUID();
            execute("INSERT INTO shop_catalog_part (shop_id, part_id, tenant_id, part_number, brand, name, category, price_minor, taxable, "
                    + "changed_at, event_id) VALUES (?, ?, ?, ?, 'Bosch', 'Bench part', 'Brakes', 250000, true, now(), gen_random_uuid())",
                    shop, part, tenant, number);
            execute("INSERT INTO shop_stock_movement (movement_id, shop_id, tenant_id, part_id, bin, quantity, reason, moved_at, event_id) "
                    + "VALUES (gen_random_uuid(), ?, ?, ?, 'A-01', 1000000, 'RECEIPT', now(), gen_random_uuid())", shop, tenant, part);
        }
    }

    private static String request(String make) {
        return "{\"vehicle\":{\"make\":\"" + make + "\",\"model\":\"Hilux\",\"year\":2019},"
                + "\"delivery\":{\"latitude\":-1.2864,\"longitude\":36.8172,\"address\":\"Fleet depot\"},"
                + "\"lines\":[{\"name\":\"Brake pads\",\"partNumber\":\"BQ-1\",\"quantity\":2},{\"name\":\"Filter\",\"partNumber\":\"BQ-2\",\"quantity\":1}]}";
    }

    private static String feedBatch(String feedId, int batch, boolean last, int from, int to) {
        StringBuilder items = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                items.append(',');
            }
            items.append("{\"partNumber\":\"SP-").append(i).append("\",\"brand\":\"Benchline\",\"description\":\"Brake pad set front ")
                    .append(i).append("\",\"attributes\":{\"material\":\"ceramic\",\"width_mm\":\"131\",\"wear_sensor\":\"yes\"},")
                    .append("\"price\":{\"currency\":\"KES\",\"list\":").append(1000 + i % 5000).append(".50,\"net\":").append(900 + i % 5000)
                    .append("},\"interchangeNumbers\":[\"OE-").append(i).append("\",\"AM-").append(i).append("\"],")
                    .append("\"fitment\":[{\"make\":\"TOYOTA\",\"model\":\"Corolla\",\"yearFrom\":2014,\"yearTo\":2018,\"position\":\"front\"},")
                    .append("{\"make\":\"TOYOTA\",\"model\":\"Auris\",\"yearFrom\":2013,\"yearTo\":2017}]}");
        }
        return "{\"feedId\":\"" + feedId + "\",\"mode\":\"FULL\",\"batch\":" + batch + ",\"lastBatch\":" + last + ",\"items\":[" + items + "]}";
    }

    private JMSContext connect(UUID partner) {
        ConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl, BrokerAccountNames.partnerUser(partner), PASSWORD);
        return factory.createContext();
    }

    private JMSContext connectOverAmqp(UUID partner) {
        return new JmsConnectionFactory(BrokerAccountNames.partnerUser(partner), PASSWORD, amqpUrl).createContext();
    }

    private static TextMessage message(JMSContext jms, String type, String id, String body) throws JMSException {
        TextMessage message = jms.createTextMessage(body);
        message.setStringProperty(PartnerMessages.TYPE, type);
        message.setIntProperty(PartnerMessages.VERSION, 1);
        message.setStringProperty(PartnerMessages.MESSAGE_ID, id);
        message.setStringProperty("_AMQ_DUPL_ID", UUID.randomUUID() + "-" + id);
        return message;
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection c = backend.db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
