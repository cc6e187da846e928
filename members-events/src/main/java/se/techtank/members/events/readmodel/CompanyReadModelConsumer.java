package se.techtank.members.events.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;

import se.techtank.platform.inbox.Inbox;

/**
 * Projects {@code members.company.v1} into the service's company read model, each event once (the inbox),
 * in the transaction that records it. Exists in a service that sets {@code techtank.company-read-model.enabled}.
 */
@ApplicationScoped
@IfBuildProperty(name = "techtank.company-read-model.enabled", stringValue = "true")
public class CompanyReadModelConsumer {

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final String consumer;
    private final CompanyProjection projection;

    CompanyReadModelConsumer(Inbox inbox, EntityManager entityManager, CompanyReadModelConfig config) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.consumer = config.consumer();
        this.projection = CompanyProjection.into(
                config.table(),
                config.columns().orElse(List.of()).stream()
                        .map(CompanyColumn::named)
                        .toList());
    }

    @Incoming("members-company")
    @Blocking
    public void onCompanyEvent(ConsumerRecord<String, String> record) {
        inbox.process(
                consumer,
                record,
                event -> projection
                        .changeIn(event)
                        .ifPresent(change -> entityManager
                                .unwrap(Session.class)
                                .doWork(connection -> projection.write(change, connection))));
    }
}
