package se.techtank.notifications.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.query.DeliveryFilter;
import se.techtank.notifications.query.DeliveryList;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;

/** The delivery log as staff (and partners, for their webhooks) read it, and a failed delivery tried again. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final DeliveryList list;
    private final Event<DeliveryPlanner.DeliveriesPlanned> planned;
    private final Clock clock = Clock.systemUTC();

    DeliveryLog(DeliveryRepository deliveries, DeliveryList list, Event<DeliveryPlanner.DeliveriesPlanned> planned) {
        this.deliveries = deliveries;
        this.list = list;
        this.planned = planned;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Delivery> list(DeliveryFilter filter, PageRequest page) {
        return list.page(filter, page);
    }

    /** One delivery, if the caller may see it ({@code partnerId} set: only that partner's webhooks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivery get(UUID id, String partnerId) {
        Delivery delivery = deliveries.findById(id);
        if (delivery == null || (partnerId != null && !deliveries.ofPartner(delivery, partnerId))) {
            throw new NotFoundException("Delivery", id);
        }
        return delivery;
    }

    /** A FAILED delivery is due again now (409 otherwise); the senders are woken. */
    @Transactional
    public Delivery retry(UUID id) {
        Delivery delivery = deliveries.findById(id);
        if (delivery == null) {
            throw new NotFoundException("Delivery", id);
        }
        delivery.retryNow(clock.instant());
        planned.fire(new DeliveryPlanner.DeliveriesPlanned(delivery.channel()));
        return delivery;
    }
}
