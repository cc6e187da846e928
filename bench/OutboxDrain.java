// Kafka side of the outbox drain in bench/replicas.sh, which compiles it against the local stack's Kafka
// client (deploy/local/target/lib) and runs it as `java -cp CLASSES:LIB/* OutboxDrain ...`:
//
//   OutboxDrain topic BOOTSTRAP TOPIC PARTITIONS
//       creates TOPIC (the local broker creates none by itself), so that the benchmark's rows go to a topic
//       of their own and no service ever reads them
//   OutboxDrain check BOOTSTRAP TOPIC EXPECTED
//       reads TOPIC from the beginning to its end and checks what the relays published: EXPECTED records,
//       each ce_id once, and per key the rows' "n" (their order in the outbox) rising. Prints
//       "RESULT records=R distinct_ids=D keys=K order=ok|BROKEN answers=PASS|FAIL"; exits 1 on FAIL.
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

public class OutboxDrain {

    static final Pattern N = Pattern.compile("\"n\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("topic")) {
            topic(args[1], args[2], Integer.parseInt(args[3]));
        } else if (args.length == 4 && args[0].equals("check")) {
            System.exit(check(args[1], args[2], Integer.parseInt(args[3])) ? 0 : 1);
        } else {
            System.err.println("""
                    usage: OutboxDrain topic BOOTSTRAP TOPIC PARTITIONS
                           OutboxDrain check BOOTSTRAP TOPIC EXPECTED""");
            System.exit(2);
        }
    }

    static void topic(String bootstrap, String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static boolean check(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("enable.auto.commit", "false");
        int records = 0;
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastByKey = new HashMap<>();
        boolean ordered = true;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                    Matcher n = N.matcher(record.value());
                    long order = n.find() ? Long.parseLong(n.group(1)) : -1;
                    Long last = lastByKey.put(record.key(), order);
                    if (order < 0 || (last != null && last >= order)) {
                        ordered = false;
                    }
                }
            }
        }
        boolean pass = records == expected && ids.size() == expected && ordered;
        System.out.printf("RESULT records=%d distinct_ids=%d keys=%d order=%s answers=%s%n", records, ids.size(),
                lastByKey.size(), ordered ? "ok" : "BROKEN", pass ? "PASS" : "FAIL");
        return pass;
    }
}
