package se.techtank.members;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.techtank.platform.outbox.EventCatalogue;
import se.techtank.platform.testing.RecordedEvents;

/**
 * Nothing that contracts/asyncapi.yaml lists for members-service goes unpublished: the suite's tests, which run
 * before this plain test, recorded every listed event type in the outbox. (That nothing unlisted is published,
 * {@link EventCatalogue} enforces in {@code Outbox.record}.)
 */
class ListedEventsPublishedTest {

    @Test
    void everyEventTypeListedForThisServiceWasRecordedByItsTests() {
        List<String> listed = EventCatalogue.packaged().all().keySet().stream()
                .filter(type -> type.startsWith("se.techtank.members."))
                .toList();

        RecordedEvents.assertEveryListedTypeRecorded("members", listed);
    }
}
