package org.clutch.partners;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import org.clutch.catalog.CatalogFeed;
import org.clutch.catalog.SupplierCatalog;
import org.clutch.jms.PartnerMessages;
import org.clutch.marketplace.CustomerRequests;
import org.clutch.marketplace.NewPartsRequest;
import org.clutch.marketplace.PartsRequestView;
import org.clutch.orders.Orders;
import org.clutch.orders.PaymentMethod;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.JsonInput;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.PermissionDeniedException;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.PartnerRole;
import org.clutch.tenancy.Tenant;

/**
 * Takes a partner's messages: each message id once (a repeat is ignored), each applied by the same rules as the REST
 * API applies them for a car owner (a supplier's feed batch into the central catalog), or refused as a whole with a
 * code and a reason. A fleet operator or insurer buys as a marketplace customer of its own, made the first time it
 * submits.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class PartnerDesk {

    private static final Logger LOG = Logger.getLogger(PartnerDesk.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    CustomerRequests requests;

    @Inject
    PartnerBuyers buyers;

    @Inject
    PartnerOutbound outbound;

    @Inject
    Orders orders;

    @Inject
    SupplierCatalog catalog;

    @Inject
    SupplierOrders supplierOrders;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Applies the message in a transaction of its own: the effect, the record that this message id was taken and the
     * answer commit together; a refusal rolls all of them back and the caller records it in its own transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void take(UUID partner, PartnerMessages.Received message) {
        if (!claim(partner, message)) {
            LOG.info(() -> "event=partner-message-repeated partner=" + partner + " message=" + message.messageId());
            return;
        }
        requireRole(partner, message.type());
        String conversation = message.correlationId() != null ? message.correlationId() : message.messageId();
        switch (message.type()) {
            case PartnerMessages.SUBMIT_PARTS_REQUEST -> {
                requireVersion(message, 1);
                NewPartsRequest input = valid(parse(message.body(), NewPartsRequest.class));
                PartsRequestView request = onRules(() -> requests.submit(buyer(partner), input, message.messageId()).request());
                em.createNativeQuery("INSERT INTO partner_request (request_id, tenant_id, correlation_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (request_id) DO NOTHING")
                        .setParameter(1, request.id()).setParameter(2, partner).setParameter(3, conversation).executeUpdate();
                outbound.send(partner, PartnerMessages.PARTS_REQUEST_SUBMITTED, conversation, request);
            }
            case PartnerMessages.ACCEPT_QUOTE -> {
                requireVersion(message, 1);
                QuoteAcceptance acceptance = valid(parse(message.body(), QuoteAcceptance.class));
                String requestConversation = conversationOf(partner, acceptance.requestId())
                        .orElseThrow(() -> new PartnerRefusal(PartnerRefusal.Code.NOT_FOUND,
                                "no request " + acceptance.requestId() + " of this partner"));
                // the answer first, then the quote.changed and order.changed the accept caused
                HeldPartnerEvents.hold(transaction);
                PartsRequestView request = onRules(() -> requests.accept(buyer(partner), acceptance.requestId(), acceptance.quoteId()));
                outbound.send(partner, PartnerMessages.QUOTE_ACCEPTED, requestConversation, orders.withOrder(buyer(partner), request));
                HeldPartnerEvents.release(transaction);
            }
            case PartnerMessages.PAY_ORDER -> {
                requireVersion(message, 1);
                OrderPayment payment = valid(parse(message.body(), OrderPayment.class));
                // answered by the order.changed the step sends, on the conversation of the order's request
                onRules(() -> orders.pay(buyer(partner), payment.orderId(), null, PaymentMethod.valueOf(payment.method()), null));
            }
            case PartnerMessages.CATALOG_FEED -> {
                requireVersion(message, 1);
                long started = System.nanoTime();
                CatalogFeed parsed = parse(message.body(), CatalogFeed.class);
                long parsedAt = System.nanoTime();
                CatalogFeed feed = validFeed(parsed);
                long validAt = System.nanoTime();
                SupplierCatalog.Applied applied = onRules(() -> catalog.apply(partner, feed));
                long appliedAt = System.nanoTime();
                outbound.send(partner, PartnerMessages.CATALOG_FEED_APPLIED, conversation, applied);
                LOG.info(() -> "event=catalog-feed-timing items=" + feed.items().size() + " parse_ms=" + (parsedAt - started) / 1_000_000
                        + " validate_ms=" + (validAt - parsedAt) / 1_000_000 + " apply_ms=" + (appliedAt - validAt) / 1_000_000);
            }
            case PartnerMessages.ACKNOWLEDGE_PURCHASE_ORDER, PartnerMessages.SHIP_PURCHASE_ORDER -> {
                requireVersion(message, 1);
                PurchaseOrderUpdate update = valid(parse(message.body(), PurchaseOrderUpdate.class));
                supplierOrders.update(partner, update,
                        PartnerMessages.SHIP_PURCHASE_ORDER.equals(message.type()) ? "SHIPPED" : "ACKNOWLEDGED");
            }
            default -> throw new PartnerRefusal(PartnerRefusal.Code.UNKNOWN_TYPE, "unknown message type " + message.type()
                    + "; this platform takes " + String.join(", ", PartnerMessages.SUBMIT_PARTS_REQUEST, PartnerMessages.ACCEPT_QUOTE,
                            PartnerMessages.PAY_ORDER,
                            PartnerMessages.CATALOG_FEED, PartnerMessages.ACKNOWLEDGE_PURCHASE_ORDER, PartnerMessages.SHIP_PURCHASE_ORDER));
        }
        LOG.info(() -> "event=partner-message-applied partner=" + partner + " message=" + message.messageId() + " type="
                + message.type());
    }

    /**
     * Refuses, before anything is applied, a message type the partner's roles do not send (a fleet's catalog feed).
     * An unknown type is left to the switch, which names the types there are.
     */
    private void requireRole(UUID partner, String type) {
        Tenant tenant = em.find(Tenant.class, partner);
        Set<PartnerRole> roles = tenant == null ? Set.of() : tenant.partnerRoles();
        if (!PartnerRole.permit(roles, type)) {
            throw new PartnerRefusal(PartnerRefusal.Code.NOT_ALLOWED, "a partner set up as " + roles + " does not send "
                    + type + "; " + roles.stream().flatMap(r -> r.sends().stream()).sorted().toList() + " are its message types");
        }
    }

    /** Records a refused message (once per id) and puts it on the partner's dead-letter address with why. */
    public void refuse(UUID partner, String body, String messageId, String type, String correlationId, PartnerRefusal refusal) {
        // every refusal shows in the partner's traffic, also that of a message whose id is missing or too long to keep
        boolean keepable = messageId != null && messageId.length() <= PartnerMessages.MAX_ID_LENGTH;
        em.createNativeQuery("INSERT INTO partner_message (tenant_id, message_id, type, received_at, outcome, code, reason) "
                + "VALUES (?, ?, ?, ?, 'REJECTED', ?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, partner).setParameter(2, keepable ? messageId : "(no usable id) " + UUID.randomUUID())
                .setParameter(3, type == null ? "?" : truncate(type, 64))
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, refusal.code().text())
                .setParameter(6, truncate(refusal.getMessage(), 2000)).executeUpdate();
        outbound.deadLetter(partner, body, messageId, type, correlationId, refusal);
        LOG.info(() -> "event=partner-message-refused partner=" + partner + " message=" + messageId + " code="
                + refusal.code().text() + " reason=" + refusal.getMessage());
    }

    /** The conversation a partner's request belongs to, if it is this partner's. */
    public Optional<Conversation> conversationOfRequest(UUID requestId) {
        List<?> rows = em.createNativeQuery("SELECT tenant_id, correlation_id FROM partner_request WHERE request_id = ?")
                .setParameter(1, requestId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Conversation((UUID) columns[0], (String) columns[1]);
        });
    }

    public record Conversation(UUID partner, String correlationId) {
    }

    private Optional<String> conversationOf(UUID partner, UUID requestId) {
        return conversationOfRequest(requestId).filter(c -> c.partner().equals(partner)).map(Conversation::correlationId);
    }

    private boolean claim(UUID partner, PartnerMessages.Received message) {
        return em.createNativeQuery("INSERT INTO partner_message (tenant_id, message_id, type, received_at, outcome) "
                + "VALUES (?, ?, ?, ?, 'APPLIED') ON CONFLICT DO NOTHING")
                .setParameter(1, partner).setParameter(2, message.messageId()).setParameter(3, truncate(message.type(), 64))
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate() == 1;
    }

    /** The customer the partner buys as; its roles were checked before (requireRole). */
    private Actor buyer(UUID partner) {
        return onRules(() -> buyers.buyerOf(partner));
    }

    private static void requireVersion(PartnerMessages.Received message, int supported) {
        if (message.version() != supported) {
            throw new PartnerRefusal(PartnerRefusal.Code.UNSUPPORTED_VERSION, message.type() + " version " + message.version()
                    + " is not supported; send version " + supported);
        }
    }

    private static <T> T parse(String body, Class<T> type) {
        refuseIfAny(JsonInput.problems(body, type));
        try {
            T parsed = JSONB.fromJson(body, type);
            if (parsed == null) {
                throw new PartnerRefusal(PartnerRefusal.Code.MALFORMED_BODY, "the body is empty");
            }
            return parsed;
        } catch (JsonbException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new PartnerRefusal(PartnerRefusal.Code.MALFORMED_BODY, "the body is not JSON of the expected shape: "
                    + truncate(String.valueOf(root.getMessage()), 300));
        }
    }

    private <T> T valid(T input) {
        refuseIfAny(fieldErrors("", validator.validate(input)).toList());
        return input;
    }

    /** Each violation as a field error, its path under {@code prefix} (e.g. "items[3]."). */
    private static <T> java.util.stream.Stream<InvalidInputException.FieldError> fieldErrors(String prefix,
            Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> new InvalidInputException.FieldError(prefix + v.getPropertyPath(), v.getMessage()));
    }

    /** Refuses the message as invalid when there is any field error, listing them by field. */
    private static void refuseIfAny(List<InvalidInputException.FieldError> errors) {
        if (!errors.isEmpty()) {
            List<InvalidInputException.FieldError> sorted = errors.stream()
                    .sorted(Comparator.comparing(InvalidInputException.FieldError::field)).toList();
            throw new PartnerRefusal(PartnerRefusal.Code.INVALID, new InvalidInputException(sorted).getMessage(), sorted);
        }
    }

    /** A feed batch checked whole: its own fields as {@link #valid} checks them, each item by its rules. */
    private CatalogFeed validFeed(CatalogFeed feed) {
        valid(feed);
        refuseIfAny(feed.itemProblems());
        return feed;
    }

    /** The marketplace's rules refuse as they do on REST; here each refusal becomes the partner's refusal code. */
    private static <T> T onRules(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw new PartnerRefusal(PartnerRefusal.Code.INVALID, e.getMessage(), e.fieldErrors());
        } catch (NotFoundException e) {
            throw new PartnerRefusal(PartnerRefusal.Code.NOT_FOUND, e.getMessage());
        } catch (StateConflictException e) {
            throw new PartnerRefusal(PartnerRefusal.Code.STATE_CONFLICT, e.getMessage());
        } catch (PermissionDeniedException e) {
            throw new PartnerRefusal(PartnerRefusal.Code.NOT_ALLOWED, e.getMessage());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
