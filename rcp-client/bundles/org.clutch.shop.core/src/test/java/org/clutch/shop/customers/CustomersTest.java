package org.clutch.shop.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.RefundMethod;
import org.clutch.shop.sales.ReturnItem;
import org.clutch.shop.sales.SaleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersTest {

    @TempDir
    Path directory;

    private TestShop t;
    private Customers customers;
    private PartSummary pads;
    private Customer garage;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        customers = t.shop.customers();
        pads = t.part("BP-100", "Brake pad set front", null, 250000, 450000, 10);
        garage = customers.save(new Customer(null, "Kamau Garage", "0722 111 222", "kamau@garage.example", "P051234567X",
                1_000_000, 0, null, List.of(new CustomerVehicle(null, "Toyota", "Probox", 2015, "1.5", null, "kcd 123a"))),
                t.manager);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    private SaleRecord sellOnAccount(int quantity, long onAccount, long cash) {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pads, quantity);
        cart.setCustomer(garage.id(), garage.name());
        List<Tender> tenders = cash > 0 ? List.of(Tender.account(onAccount), Tender.cash(cash)) : List.of(Tender.account(onAccount));
        return t.shop.sales().complete(cart, tenders, t.clerk);
    }

    @Test
    void aSaleOnAccountRaisesTheBalanceUpToTheCreditLimitAndNoFurther() {
        SaleRecord sale = sellOnAccount(2, 900_000, 0);
        assertEquals("Kamau Garage", sale.customerName());
        assertEquals(900_000, customers.get(garage.id()).orElseThrow().balanceMinor());
        assertEquals(100_000, customers.get(garage.id()).orElseThrow().availableCreditMinor());

        RuleException over = assertThrows(RuleException.class, () -> sellOnAccount(1, 450_000, 0));
        assertTrue(over.getMessage().contains("1,000.00"), over.getMessage());
        assertEquals(8, t.shop.inventory().onHand(pads.id()), "a refused charge sells nothing");

        SaleRecord mixed = sellOnAccount(1, 100_000, 350_000);
        assertEquals(1_000_000, customers.get(garage.id()).orElseThrow().balanceMinor());
        assertEquals(2, customers.history(garage.id(), 10).size());
        assertEquals("S000002", mixed.number(), "the refused sale left no gap in the numbers");
        assertEquals(mixed.number(), customers.history(garage.id(), 10).get(0).saleNumber());
    }

    @Test
    void voidsAndReturnsToTheAccountGiveTheMoneyBackAndPaymentsBringTheBalanceDown() {
        SaleRecord first = sellOnAccount(1, 450_000, 0);
        SaleRecord second = sellOnAccount(2, 900_000 - 450_000, 450_000);
        t.shop.sales().voidSale(first.number(), "wrong customer", t.manager);
        assertEquals(450_000, customers.get(garage.id()).orElseThrow().balanceMinor());

        SaleRecord refund = t.shop.sales().returnItems(second.number(), List.of(new ReturnItem(1, 1, true)),
                RefundMethod.AS_PAID, t.clerk, null);
        assertEquals("Kamau Garage", refund.customerName(), "the return belongs to the same customer");
        assertEquals(0, customers.get(garage.id()).orElseThrow().balanceMinor());

        assertThrows(RuleException.class, () -> customers.receivePayment(garage.id(), Tender.cash(1), t.clerk),
                "nothing is owed");
        sellOnAccount(1, 450_000, 0);
        Customer paid = customers.receivePayment(garage.id(), Tender.card(200_000, "AUTH 55"), t.clerk);
        assertEquals(250_000, paid.balanceMinor());

        List<AccountEntry> statement = customers.statement(garage.id(), 10);
        assertEquals(List.of(AccountEntry.Kind.PAYMENT, AccountEntry.Kind.CHARGE, AccountEntry.Kind.REFUND,
                AccountEntry.Kind.REFUND, AccountEntry.Kind.CHARGE, AccountEntry.Kind.CHARGE),
                statement.stream().map(AccountEntry::kind).toList());
        assertEquals(250_000, statement.get(0).balanceAfterMinor());
    }

    @Test
    void creditIsAManagersDecisionAndAnAccountSaleNeedsACustomer() {
        assertThrows(RuleException.class, () -> customers.save(garage.withCreditLimit(5_000_000), t.clerk));
        assertEquals(1_000_000, customers.get(garage.id()).orElseThrow().creditLimitMinor());
        Customer walkIn = customers.save(Customer.named("Wanjiku", "0733 000 000"), t.clerk);
        assertEquals(0, walkIn.creditLimitMinor());

        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pads, 1);
        assertThrows(RuleException.class, () -> t.shop.sales().complete(cart, List.of(Tender.account(450_000)), t.clerk));
        cart.setCustomer(walkIn.id(), walkIn.name());
        RuleException noAccount = assertThrows(RuleException.class,
                () -> t.shop.sales().complete(cart, List.of(Tender.account(450_000)), t.clerk));
        assertEquals("Wanjiku has no charge account.", noAccount.getMessage());
    }

    @Test
    void customersAreFoundByNamePhonePlateOrVin() {
        customers.save(new Customer(null, "Achieng Otieno", "0711 999 888", null, null, 0, 0, null,
                List.of(new CustomerVehicle(null, "Nissan", "Note", 2012, "", "JN1AZ4EH7DM430111", null))), t.clerk);

        assertEquals("Kamau Garage", customers.search("kam", 10).get(0).name());
        assertEquals("Kamau Garage", customers.search("garage", 10).get(0).name());
        assertEquals("Kamau Garage", customers.search("0722111", 10).get(0).name());
        assertEquals("Kamau Garage", customers.search("KCD123A", 10).get(0).name());
        assertEquals("Achieng Otieno", customers.search("jn1az4eh7dm430111", 10).get(0).name());
        assertEquals(2, customers.search("", 10).size());
        assertEquals("2015 Toyota Probox 1.5 (KCD 123A)", garage.vehicles().get(0).label());
        assertThrows(RuleException.class, () -> new CustomerVehicle(null, "Toyota", "Probox", 2015, "", "JN1AZ4EH7DM43011O", null));
    }

    @Test
    void aCustomerTakesAwayEverythingTheShopHoldsAboutThem() {
        sellOnAccount(1, 450_000, 0);
        String data = customers.exportData(garage.id(), t.clerk);
        for (String expected : List.of("Kamau Garage", "0722 111 222", "kamau@garage.example", "P051234567X", "KCD 123A",
                "S000001", "CHARGE", "4500.00")) {
            assertTrue(data.contains(expected), expected + " is in the export:\n" + data);
        }
        assertEquals(garage.id().toString(), t.outbox(CustomerEvents.CUSTOMER_DATA_EXPORTED).get(0).getString("customerId"),
                "head office's audit log hears of it");
    }

    @Test
    void erasingTakesAManagerASettledAccountAndLeavesOnlyTheSalesUnderAnErasedName() {
        SaleRecord sale = sellOnAccount(1, 450_000, 0);
        assertThrows(RuleException.class, () -> customers.erase(garage.id(), t.clerk), "a manager's decision");
        RuleException owes = assertThrows(RuleException.class, () -> customers.erase(garage.id(), t.manager));
        assertTrue(owes.getMessage().contains("owes 4,500.00"), owes.getMessage());
        customers.receivePayment(garage.id(), Tender.cash(450_000), t.clerk);

        customers.erase(garage.id(), t.manager);
        Customer erased = customers.get(garage.id()).orElseThrow();
        assertEquals(Customer.ERASED_NAME, erased.name());
        assertEquals(List.of(), erased.vehicles());
        assertEquals(null, erased.phone());
        assertEquals(null, erased.email());
        assertEquals(null, erased.taxNumber());
        assertEquals(0, erased.creditLimitMinor());
        assertEquals(sale.number(), customers.history(garage.id(), 10).get(0).saleNumber(), "the sales stay for the books");
        assertTrue(customers.search("Kamau", 10).isEmpty() && customers.search("KCD123A", 10).isEmpty(), "nobody finds them");
        var saved = t.outbox(CustomerEvents.CUSTOMER_SAVED);
        assertEquals(Customer.ERASED_NAME, saved.get(saved.size() - 1).getString("name"), "head office's copy is erased too");
        assertEquals(1, t.outbox(CustomerEvents.CUSTOMER_ERASED).size());

        RuleException again = assertThrows(RuleException.class, () -> customers.save(new Customer(garage.id(), "Kamau Garage",
                "0722 111 222", null, null, 0, 0, null, List.of()), t.manager));
        assertTrue(again.getMessage().contains("erased"), again.getMessage());
        assertThrows(RuleException.class, () -> customers.erase(garage.id(), t.manager), "once is enough");
    }
}
